package app.lockstep.domain.shared;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The times Lockstep keeps: from the year 1 to the year 9999. Java parses times far
 * beyond that ({@code +999999999-12-31T23:59:59Z}); a time outside is refused where it
 * was typed, never passed on to the database.
 */
public final class Instants {

	public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	public static final String OUT_OF_RANGE = "Use a time between the years 1 and 9999.";

	private Instants() {
	}

	public static boolean inRange(Instant instant) {
		return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
	}

	public static boolean inRange(LocalDate date) {
		return date.getYear() >= 1 && date.getYear() <= 9999;
	}

}
