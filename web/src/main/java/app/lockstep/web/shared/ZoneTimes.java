package app.lockstep.web.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Instants as the environment pages show them: on the environment's clock, with the
 * zone's abbreviation ("Mon 30 Nov 2026, 00:00 CET"), and the {@code datetime-local}
 * values of the forms read back on that clock.
 */
public record ZoneTimes(ZoneId zone) {

	private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz",
			Locale.ENGLISH);

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

	/** The instant on the environment's clock, or an empty text for none. */
	public String at(@Nullable Instant instant) {
		return (instant != null) ? FULL.format(instant.atZone(this.zone)) : "";
	}

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'",
			Locale.ENGLISH);

	/**
	 * The same instant in the other zone people compare with (UTC), for a hover title:
	 * one rule everywhere, the zone always named.
	 */
	public String other(@Nullable Instant instant) {
		return (instant != null) ? UTC.format(instant.atZone(java.time.ZoneOffset.UTC)) : "";
	}

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	/** The day of the instant on the environment's clock ("22 Nov 2026"). */
	public String date(@Nullable Instant instant) {
		return (instant != null) ? DATE.format(instant.atZone(this.zone)) : "";
	}

	/** The value of a {@code datetime-local} input for the instant. */
	public String local(@Nullable Instant instant) {
		return (instant != null) ? LOCAL.format(instant.atZone(this.zone)) : "";
	}

	/** The zone's id and abbreviation now, such as "Europe/Paris (CET)". */
	public String name(Instant now) {
		return this.zone.getId() + " ("
				+ DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(now.atZone(this.zone)) + ")";
	}

	/**
	 * A {@code datetime-local} value read on the environment's clock; null when it is not
	 * one.
	 */
	public static @Nullable Instant parseLocal(String value, ZoneId zone) {
		try {
			return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
