package app.lockstep.web.shared;

import java.util.Map;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.DomainException;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.ValidationException;

import org.springframework.http.HttpStatus;

/**
 * A submission the domain refused, as its form shows it again: the status of the answer
 * and the messages keyed by field ({@link FormErrors#GLOBAL} for one about the whole
 * form). {@link Refusals} makes one; a handler only renders it.
 *
 * @param status 422 for bad input (or a clash with what exists, shown as such), 409 for a
 * conflict with the current state, 403 for an action the person may not take
 * @param errors the messages by field, as {@link FormErrors} keys them
 * @param cause the refusal itself, for a form that shows more of it (the lines of a
 * config, the newer revision)
 */
public record FormRefusal(HttpStatus status, Map<String, String> errors, DomainException cause) {

	/** The refusal's own message. */
	public String message() {
		return this.cause.getMessage();
	}

	/** The refusal's message as one about the whole form. */
	public Map<String, String> globalError() {
		return Map.of(FormErrors.GLOBAL, message());
	}

	public boolean forbidden() {
		return this.status == HttpStatus.FORBIDDEN;
	}

	public boolean conflict() {
		return this.status == HttpStatus.CONFLICT;
	}

	/**
	 * Which refusals a form shows again, and with what status. Whatever a form does not
	 * name is answered by the refusal pages ({@code PageErrors}).
	 */
	public enum Kind {

		/** Bad input ({@link ValidationException}): 422. */
		INVALID,

		/**
		 * What was typed clashes with what exists, such as a slug or an email taken (a
		 * {@link ConflictException} about a field): 422, as bad input beside that field.
		 * A conflict about no field is the refusal page's (409).
		 */
		TAKEN,

		/** The state moved under the person ({@link ConflictException}): 409. */
		CONFLICT,

		/** An action the person may not take ({@link ForbiddenException}): 403. */
		FORBIDDEN

	}

}
