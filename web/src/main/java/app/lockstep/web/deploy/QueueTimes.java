package app.lockstep.web.deploy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Instants as the approval and review queues show them: in the environment's time zone,
 * named, and how long ago.
 */
final class QueueTimes {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);

	private QueueTimes() {
	}

	/** Such as "Tue 24 Nov 2026, 11:00 CET". */
	static String at(Instant instant, ZoneId zone) {
		return AT.format(instant.atZone(zone));
	}

	/** Such as "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
	static String ago(Instant then, Instant now) {
		Duration age = Duration.between(then, now);
		if (age.isNegative() || age.toMinutes() < 1) {
			return "just now";
		}
		if (age.toMinutes() < 60) {
			return plural(age.toMinutes(), "minute") + " ago";
		}
		if (age.toHours() < 48) {
			return plural(age.toHours(), "hour") + " ago";
		}
		return plural(age.toDays(), "day") + " ago";
	}

	/** Such as "3 hours" or "2 days" (whole units, rounded down). */
	static String length(Duration duration) {
		return (duration.toHours() < 48) ? plural(duration.toHours(), "hour") : plural(duration.toDays(), "day");
	}

	static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
