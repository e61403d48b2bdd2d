package app.lockstep.web.project;

import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.web.shared.FormRefusal;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentInput;
import org.jspecify.annotations.Nullable;

/**
 * What the environment forms (add, edit) post; kept as typed when refused. The position
 * is text so that whatever was typed can be shown again with its error.
 */
record EnvironmentForm(@Nullable String name, @Nullable String tier, @Nullable String position,
		@Nullable String branchPattern, @Nullable String timeZone) {

	static final String POSITION_NOT_A_NUMBER = "Enter the position as a whole number: 1 is the first stage.";

	/** The add form: the organization's time zone pre-filled, added at the end. */
	static EnvironmentForm adding(String timeZone) {
		return new EnvironmentForm("", "", "", "", timeZone);
	}

	static EnvironmentForm of(Environment environment) {
		return new EnvironmentForm(environment.name(), environment.tier().name(),
				String.valueOf(environment.position()), ProjectForm.orEmpty(environment.branchPattern()),
				environment.timeZone().getId());
	}

	/**
	 * The use case's input. A position that is not a number becomes 0, which the use case
	 * refuses along with any other bad field, so nothing is saved; see
	 * {@link #positionIsNotANumber()} for the message to show instead.
	 */
	EnvironmentInput toInput() {
		return new EnvironmentInput(this.name, this.tier, parsedPosition(), this.branchPattern, this.timeZone);
	}

	/**
	 * A refused submission's messages by field, with the position's own when what was
	 * typed there is not a number (the use case saw 0).
	 */
	Map<String, String> errors(FormRefusal refused) {
		Map<String, String> errors = new LinkedHashMap<>(refused.errors());
		if (positionIsNotANumber()) {
			errors.put("position", POSITION_NOT_A_NUMBER);
		}
		return errors;
	}

	boolean positionIsNotANumber() {
		return this.position != null && !this.position.isBlank() && !this.position.strip().matches("-?\\d{1,9}");
	}

	private @Nullable Integer parsedPosition() {
		if (this.position == null || this.position.isBlank()) {
			return null;
		}
		return positionIsNotANumber() ? 0 : Integer.valueOf(this.position.strip());
	}

}
