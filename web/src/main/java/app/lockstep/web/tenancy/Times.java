package app.lockstep.web.tenancy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Instants as the member and invitation pages show them: in the organization's time zone,
 * which is named.
 */
final class Times {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	private Times() {
	}

	static String date(Instant instant, ZoneId zone) {
		return DATE.format(instant.atZone(zone));
	}

	static String dateTime(Instant instant, ZoneId zone) {
		return DATE_TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
	}

}
