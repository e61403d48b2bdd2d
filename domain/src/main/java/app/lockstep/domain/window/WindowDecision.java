package app.lockstep.domain.window;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link FreezeCalendar#evaluate}: whether the instant asked about is open.
 * When open, {@code nextOpenAt} is that instant itself and {@code openUntil} the next
 * instant it closes (null when nothing closes it within the search horizon). When closed,
 * {@code blockedBy} names the rule that blocks it and {@code nextOpenAt} is the earliest
 * open instant after it (null when nothing opens within the horizon).
 */
public record WindowDecision(boolean open, @Nullable String blockedBy, @Nullable Instant nextOpenAt,
		@Nullable Instant openUntil) {

	public static WindowDecision openAt(Instant at, @Nullable Instant until) {
		return new WindowDecision(true, null, at, until);
	}

	public static WindowDecision blocked(String blockedBy, @Nullable Instant nextOpenAt) {
		return new WindowDecision(false, blockedBy, nextOpenAt, null);
	}

}
