package app.lockstep.domain.window;

import java.time.Instant;

/**
 * A one-off freeze, such as a holiday freeze: closed from {@code start} until
 * {@code end}.
 */
public record Freeze(Instant start, Instant end, String reason) {

	boolean covers(Instant at) {
		return !at.isBefore(this.start) && at.isBefore(this.end);
	}

}
