package app.lockstep.domain.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Which events to read. Every criterion is optional; those given must all hold:
 * <ul>
 * <li>{@code actor}: the actor's id, or a part of their name (any case);</li>
 * <li>{@code action}: an action ({@code project.created}), or a kind of action without a
 * dot, or with a trailing one ({@code project} and {@code project.} match
 * {@code project.*});</li>
 * <li>{@code project}: the project's slug or its name (any case); {@code environment}:
 * the environment's name;</li>
 * <li>{@code from} (inclusive) and {@code to} (exclusive): the time range;</li>
 * <li>{@code text}: words found anywhere in the event (action, actor, target, project,
 * environment, details), any case.</li>
 * </ul>
 */
public record AuditFilter(@Nullable String actor, @Nullable String action, @Nullable String project,
		@Nullable String environment, @Nullable Instant from, @Nullable Instant to, @Nullable String text) {

	public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null);

	static final int MAX_LENGTH = 200;

	public AuditFilter {
		actor = blankToNull(actor);
		action = kindOrAction(blankToNull(action));
		project = blankToNull(project);
		environment = blankToNull(environment);
		text = blankToNull(text);
		List<FieldError> errors = new ArrayList<>();
		check(errors, "actor", actor);
		check(errors, "action", action);
		check(errors, "project", project);
		check(errors, "environment", environment);
		check(errors, "q", text);
		if (from != null && to != null && !from.isBefore(to)) {
			errors.add(new FieldError("to",
					"The end of the time range (" + to + ") must come after its start (" + from + ")."));
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
	}

	public boolean isEmpty() {
		return this.equals(NONE);
	}

	private static void check(List<FieldError> errors, String field, @Nullable String value) {
		if (value != null && value.length() > MAX_LENGTH) {
			errors.add(new FieldError(field, "At most " + MAX_LENGTH + " characters."));
		}
		if (value != null && value.chars().anyMatch((c) -> c < 0x20)) {
			errors.add(new FieldError(field, "Control characters cannot be searched for."));
		}
	}

	/** "deployment." is the kind "deployment", as typed from the list of actions. */
	private static @Nullable String kindOrAction(@Nullable String action) {
		if (action == null) {
			return null;
		}
		String kind = action;
		while (kind.endsWith(".")) {
			kind = kind.substring(0, kind.length() - 1);
		}
		return kind.isBlank() ? null : kind;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
