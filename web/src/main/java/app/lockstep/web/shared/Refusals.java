package app.lockstep.web.shared;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.DomainException;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.web.shared.FormRefusal.Kind;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The one place a page handler turns the domain's refusal of a submission into its form
 * shown again (decision 24): the handler names the refusals its form shows, submits, and
 * says how to render the form with a {@link FormRefusal}. The status is set here; every
 * other refusal goes on to {@code PageErrors}. No handler catches the domain's exceptions
 * itself ({@code RefusalIdiomTest}).
 *
 * <pre>
 * return Refusals.onForm(INVALID).submit(response, () -&gt; {
 * 	update.update(caller, form.name());
 * 	return "redirect:/orgs/{org}/settings";
 * }, (refused) -&gt; page(form, refused.errors(), model));
 * </pre>
 */
public final class Refusals {

	private final Set<Kind> shown;

	private final List<Class<? extends DomainException>> alsoShown;

	private Refusals(Set<Kind> shown, List<Class<? extends DomainException>> alsoShown) {
		this.shown = shown;
		this.alsoShown = alsoShown;
	}

	/** A form that shows these refusals again. */
	public static Refusals onForm(Kind first, Kind... more) {
		return new Refusals(EnumSet.of(first, more), List.of());
	}

	/**
	 * Also shows this one refusal again (such as a stale edit, a conflict the form
	 * explains), with the status of its kind: 422, 409 or 403.
	 */
	public Refusals or(Class<? extends DomainException> refusal) {
		List<Class<? extends DomainException>> also = new ArrayList<>(this.alsoShown);
		also.add(refusal);
		return new Refusals(this.shown, List.copyOf(also));
	}

	/**
	 * Submits; a refusal the form shows comes back as {@code again} renders it, with its
	 * status set on the response.
	 */
	public <T extends @Nullable Object> T submit(HttpServletResponse response, Supplier<T> submit,
			Function<FormRefusal, T> again) {
		return attempt(submit, (refused) -> {
			response.setStatus(refused.status().value());
			return again.apply(refused);
		});
	}

	/**
	 * Submits; a refusal the form shows comes back as {@code elsewhere} answers it: a
	 * redirect that carries the message to the next page (post/redirect/get), so no
	 * status of its own.
	 */
	public <T extends @Nullable Object> T submitOrRedirect(Supplier<T> submit, Function<FormRefusal, T> elsewhere) {
		return attempt(submit, elsewhere);
	}

	/**
	 * Asks a query whose input comes from a form (a filter, a period, two deployments to
	 * compare): its answer, or the messages the form shows beside its fields, with the
	 * refusal's status set on the response. The page renders either.
	 */
	public <T extends @Nullable Object> Answer<T> query(HttpServletResponse response, Supplier<T> query) {
		return submit(response, () -> new Answer<T>(query.get(), Map.of()),
				(refused) -> new Answer<T>(null, refused.errors()));
	}

	/**
	 * What a query answered ({@code value}, when it was not refused) and the messages by
	 * field when it was.
	 */
	public record Answer<T extends @Nullable Object>(@Nullable T value, Map<String, String> errors) {
	}

	private <T extends @Nullable Object> T attempt(Supplier<T> submit, Function<FormRefusal, T> refusedAs) {
		try {
			return submit.get();
		}
		catch (ValidationException | ConflictException | ForbiddenException ex) {
			return refusedAs.apply(refusal(ex).orElseThrow(() -> ex));
		}
	}

	private Optional<FormRefusal> refusal(DomainException ex) {
		boolean named = this.alsoShown.stream().anyMatch((type) -> type.isInstance(ex));
		if (ex instanceof ValidationException invalid && (named || this.shown.contains(Kind.INVALID))) {
			return Optional.of(new FormRefusal(HttpStatus.UNPROCESSABLE_CONTENT, FormErrors.of(invalid), ex));
		}
		if (ex instanceof ConflictException conflict) {
			if (this.shown.contains(Kind.TAKEN) && conflict.field().isPresent()) {
				return Optional.of(new FormRefusal(HttpStatus.UNPROCESSABLE_CONTENT, FormErrors.of(conflict), ex));
			}
			if (named || this.shown.contains(Kind.CONFLICT)) {
				return Optional.of(new FormRefusal(HttpStatus.CONFLICT, FormErrors.of(conflict), ex));
			}
		}
		if (ex instanceof ForbiddenException && (named || this.shown.contains(Kind.FORBIDDEN))) {
			return Optional.of(new FormRefusal(HttpStatus.FORBIDDEN, Map.of(FormErrors.GLOBAL, ex.getMessage()), ex));
		}
		return Optional.empty();
	}

}
