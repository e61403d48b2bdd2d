package app.lockstep.domain.shared;

import java.time.Duration;

/**
 * A unit of work ran a database statement for longer than units of work may (see
 * {@link Transactions}); the statement was cancelled and the transaction rolled back, so
 * nothing of it was kept.
 */
public class TimedOutException extends DomainException {

	private final Duration limit;

	public TimedOutException(Duration limit) {
		super("This took longer than the " + describe(limit)
				+ " a request may keep the database busy, and was stopped; nothing was changed. "
				+ "Narrow it down (a filter, a shorter period) or try again in a moment.");
		this.limit = limit;
	}

	public Duration limit() {
		return this.limit;
	}

	private static String describe(Duration limit) {
		long millis = limit.toMillis();
		if (millis % 1000 != 0) {
			return millis + " ms";
		}
		long seconds = millis / 1000;
		return (seconds % 60 == 0 && seconds > 0) ? (seconds / 60) + " min" : seconds + " s";
	}

}
