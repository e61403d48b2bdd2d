package app.lockstep.domain.window;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A window decision in words, with times on the wall clock of the rules' time zone and
 * that zone's short name at that instant (CET or CEST, EST or EDT): "Open until Fri 00:00
 * CET", "Blocked until Mon 00:00 CET: No Friday deploys". The rule named beside "until"
 * is the one holding the window until then; when another closes it now, that one follows:
 * "Blocked until Mon 09:00 CET: Outside allowed hours (after Year-end launch freeze)".
 */
public final class WindowText {

	private WindowText() {
	}

	/** Times as weekday and time, such as "Mon 00:00 CET". */
	public static String describe(WindowDecision decision, ZoneId zone, Locale locale) {
		return describe(decision, zone, locale, null);
	}

	/**
	 * As {@link #describe(WindowDecision, ZoneId, Locale)}, but a time six days or more
	 * after {@code now} also names its date ("Sat 2 Jan 00:00 CET", and from 300 days on
	 * its year), since a weekday alone would be ambiguous.
	 */
	public static String describe(WindowDecision decision, ZoneId zone, Locale locale, @Nullable Instant now) {
		if (decision.open()) {
			Instant until = decision.openUntil();
			if (until == null) {
				return "Open: no block or freeze ahead";
			}
			return "Open until " + time(until, zone, locale, now);
		}
		Instant next = decision.nextOpenAt();
		if (next == null) {
			return "Blocked: " + decision.blockedBy() + "; no open time in the next " + FreezeCalendar.HORIZON.toDays()
					+ " days";
		}
		String holding = decision.holdingRule();
		return "Blocked until " + time(next, zone, locale, now) + ": " + holding
				+ (java.util.Objects.equals(holding, decision.blockedBy()) ? ""
						: " (after " + decision.blockedBy() + ")");
	}

	/**
	 * "Mon 00:00 CET", or with the date when far from {@code now}: "Sat 2 Jan 00:00 CET".
	 */
	public static String time(Instant instant, ZoneId zone, Locale locale, @Nullable Instant now) {
		Duration distance = (now != null) ? Duration.between(now, instant).abs() : Duration.ZERO;
		String pattern = (distance.toDays() >= 300) ? "EEE d MMM yyyy HH:mm zzz"
				: (distance.toDays() >= 6) ? "EEE d MMM HH:mm zzz" : "EEE HH:mm zzz";
		DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, locale);
		return format.format(instant.atZone(zone));
	}

}
