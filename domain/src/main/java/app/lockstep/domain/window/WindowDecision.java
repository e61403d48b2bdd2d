package app.lockstep.domain.window;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link FreezeCalendar#evaluate}: whether the instant asked about is open.
 * When open, {@code nextOpenAt} is that instant itself and {@code openUntil} the next
 * instant it closes (null when nothing closes it within the search horizon). When closed,
 * {@code blockedBy} names the rule that blocks it, {@code nextOpenAt} is the earliest
 * open instant after it (null when nothing opens within the horizon) and {@code heldBy}
 * the rule that holds it until then. They differ when a freeze ends before the window
 * opens, such as a freeze ending Thursday followed by "outside allowed hours" until
 * Monday 09:00.
 */
public record WindowDecision(boolean open, @Nullable String blockedBy, @Nullable Instant nextOpenAt,
		@Nullable Instant openUntil, @Nullable String heldBy) {

	/** A decision whose blocking rule is also the one that holds it. */
	public WindowDecision(boolean open, @Nullable String blockedBy, @Nullable Instant nextOpenAt,
			@Nullable Instant openUntil) {
		this(open, blockedBy, nextOpenAt, openUntil, blockedBy);
	}

	public static WindowDecision openAt(Instant at, @Nullable Instant until) {
		return new WindowDecision(true, null, at, until);
	}

	public static WindowDecision blocked(String blockedBy, @Nullable Instant nextOpenAt) {
		return new WindowDecision(false, blockedBy, nextOpenAt, null);
	}

	/** Blocked now by one rule, and held until {@code nextOpenAt} by another. */
	public static WindowDecision blocked(String blockedBy, @Nullable Instant nextOpenAt, String heldBy) {
		return new WindowDecision(false, blockedBy, nextOpenAt, null, heldBy);
	}

	/** The rule to name beside "until {@code nextOpenAt}": the one that holds it. */
	public @Nullable String holdingRule() {
		return (this.heldBy != null) ? this.heldBy : this.blockedBy;
	}

}
