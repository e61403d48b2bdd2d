package app.lockstep.domain.window;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import app.lockstep.domain.shared.Instants;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Deployment windows as a person or a client writes them: days by name ("FRIDAY"), times
 * as "HH:MM" ("24:00" for the end of the day), freeze instants as ISO-8601 with an offset
 * ("2026-12-24T00:00:00Z") or as a wall-clock time in the rules' time zone
 * ("2026-12-24T00:00"). {@link #toRules(ZoneId)} reports every problem at once, each on
 * its field, such as {@code blocks[0].to} or {@code freezes[1].end}.
 */
public record WindowRulesInput(@Nullable String timeZone, @Nullable List<BlockInput> blocks,
		@Nullable List<HoursInput> allowedHours, @Nullable List<FreezeInput> freezes) {

	/** The most rows of each kind. */
	public static final int MAX_ROWS = 50;

	public static final int MAX_LABEL = 100;

	public static final int MAX_REASON = 200;

	private static final Pattern TIME = Pattern.compile("^(\\d{1,2}):(\\d{2})$");

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

	private static final String DAY_NAMES = Arrays.stream(DayOfWeek.values())
		.map(DayOfWeek::name)
		.collect(Collectors.joining(", "));

	public record BlockInput(@Nullable String label, @Nullable List<String> days, @Nullable String from,
			@Nullable String to) {
	}

	public record HoursInput(@Nullable List<String> days, @Nullable String from, @Nullable String to) {
	}

	public record FreezeInput(@Nullable String start, @Nullable String end, @Nullable String reason) {

		/**
		 * This freeze alone (an organization-wide one), with errors on {@code start},
		 * {@code end} and {@code reason}; wall-clock times are read in {@code zone}.
		 */
		public Freeze toFreeze(ZoneId zone) {
			Validation validation = new Validation();
			Freeze freeze = freeze(this, zone, "", validation);
			validation.throwIfInvalid();
			return Objects.requireNonNull(freeze);
		}

	}

	/**
	 * The rules, or a {@link ValidationException} naming every bad field. A missing or
	 * blank time zone is {@code defaultZone} (the environment's); missing lists are
	 * empty.
	 */
	public WindowRules toRules(ZoneId defaultZone) {
		Validation validation = new Validation();
		ZoneId zone = defaultZone;
		if (this.timeZone != null && !this.timeZone.isBlank()) {
			validation.timeZone("timeZone", this.timeZone.strip());
			zone = Validation.isTimeZone(this.timeZone.strip()) ? ZoneId.of(this.timeZone.strip()) : null;
		}
		List<Block> blockRules = new ArrayList<>();
		List<BlockInput> blockInputs = (this.blocks != null) ? this.blocks : List.of();
		validation.check(blockInputs.size() <= MAX_ROWS, "blocks", "Keep it to " + MAX_ROWS + " blocks.");
		for (int i = 0; i < blockInputs.size(); i++) {
			BlockInput input = blockInputs.get(i);
			String field = "blocks[" + i + "]";
			if (input == null) {
				validation.add(field, "Each block needs a label, days, from and to.");
				continue;
			}
			String label = (input.label() != null) ? input.label().strip() : null;
			if (label == null || label.isEmpty()) {
				validation.add(field + ".label", "Name the block, such as \"No Friday deploys\".");
			}
			else if (label.length() > MAX_LABEL) {
				validation.add(field + ".label", "Keep the name to " + MAX_LABEL + " characters or fewer.");
			}
			Set<DayOfWeek> days = days(input.days(), field + ".days", validation);
			LocalTime[] span = span(input.from(), input.to(), field, validation);
			if (label != null && !label.isEmpty() && days != null && span != null) {
				blockRules.add(new Block(label, days, span[0], span[1]));
			}
		}
		List<AllowedHours> hourRules = new ArrayList<>();
		List<HoursInput> hourInputs = (this.allowedHours != null) ? this.allowedHours : List.of();
		validation.check(hourInputs.size() <= MAX_ROWS, "allowedHours",
				"Keep it to " + MAX_ROWS + " rows of allowed hours.");
		for (int i = 0; i < hourInputs.size(); i++) {
			HoursInput input = hourInputs.get(i);
			String field = "allowedHours[" + i + "]";
			if (input == null) {
				validation.add(field, "Each row of allowed hours needs days, from and to.");
				continue;
			}
			Set<DayOfWeek> days = days(input.days(), field + ".days", validation);
			LocalTime[] span = span(input.from(), input.to(), field, validation);
			if (days != null && span != null) {
				hourRules.add(new AllowedHours(days, span[0], span[1]));
			}
		}
		List<Freeze> freezeRules = new ArrayList<>();
		List<FreezeInput> freezeInputs = (this.freezes != null) ? this.freezes : List.of();
		validation.check(freezeInputs.size() <= MAX_ROWS, "freezes", "Keep it to " + MAX_ROWS + " freezes.");
		for (int i = 0; i < freezeInputs.size(); i++) {
			FreezeInput input = freezeInputs.get(i);
			if (input == null) {
				validation.add("freezes[" + i + "]", "Each freeze needs a start, an end and a reason.");
				continue;
			}
			Freeze freeze = freeze(input, zone, "freezes[" + i + "].", validation);
			if (freeze != null) {
				freezeRules.add(freeze);
			}
		}
		validation.throwIfInvalid();
		return new WindowRules(Objects.requireNonNull(zone), blockRules, hourRules, freezeRules);
	}

	/** The rules as they would be written: the inverse of {@link #toRules(ZoneId)}. */
	public static WindowRulesInput of(WindowRules rules) {
		return new WindowRulesInput(rules.timeZone().getId(),
				rules.blocks()
					.stream()
					.map((block) -> new BlockInput(block.label(), dayNames(block.days()), format(block.from()),
							formatEnd(block.to())))
					.toList(),
				rules.allowedHours()
					.stream()
					.map((hours) -> new HoursInput(dayNames(hours.days()), format(hours.from()), formatEnd(hours.to())))
					.toList(),
				rules.freezes()
					.stream()
					.map((freeze) -> new FreezeInput(freeze.start().toString(), freeze.end().toString(),
							freeze.reason()))
					.toList());
	}

	public static List<String> dayNames(Set<DayOfWeek> days) {
		return days.stream().map(DayOfWeek::name).toList();
	}

	/** "09:00". */
	public static String format(LocalTime time) {
		return HH_MM.format(time);
	}

	/** "17:00", or "24:00" for the end of the day. */
	public static String formatEnd(LocalTime time) {
		return time.equals(LocalTime.MIDNIGHT) ? "24:00" : HH_MM.format(time);
	}

	private static @Nullable Set<DayOfWeek> days(@Nullable List<String> names, String field, Validation validation) {
		if (names == null || names.stream().allMatch((name) -> name == null || name.isBlank())) {
			validation.add(field, "Choose at least one day.");
			return null;
		}
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String name : names) {
			if (name == null || name.isBlank()) {
				continue;
			}
			DayOfWeek day = day(name.strip());
			if (day == null) {
				validation.add(field, "\"" + name.strip() + "\" is not a day; use " + DAY_NAMES + ".");
				return null;
			}
			days.add(day);
		}
		return days;
	}

	private static @Nullable DayOfWeek day(String name) {
		String upper = name.toUpperCase(Locale.ROOT);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().equals(upper) || (upper.length() == 3 && day.name().startsWith(upper))) {
				return day;
			}
		}
		return null;
	}

	/** {from, to} with 24:00 as 00:00, or null after adding the errors. */
	private static LocalTime @Nullable [] span(@Nullable String fromText, @Nullable String toText, String field,
			Validation validation) {
		LocalTime from = null;
		boolean fromEndOfDay = false;
		if (fromText == null || fromText.isBlank()) {
			validation.add(field + ".from", "Enter a start time such as 09:00.");
		}
		else {
			from = time(fromText.strip());
			fromEndOfDay = endOfDay(fromText.strip());
			if (fromEndOfDay) {
				validation.add(field + ".from", "Nothing can start at 24:00; start at 00:00 on the next day instead.");
				from = null;
			}
			else if (from == null) {
				validation.add(field + ".from",
						"\"" + fromText.strip() + "\" is not a time of day; write HH:MM from 00:00 to 23:59.");
			}
		}
		LocalTime to = null;
		if (toText == null || toText.isBlank()) {
			validation.add(field + ".to", "Enter an end time such as 17:00, or 24:00 for the end of the day.");
		}
		else {
			to = time(toText.strip());
			if (to == null) {
				validation.add(field + ".to", "\"" + toText.strip()
						+ "\" is not a time of day; write HH:MM from 00:01 to 24:00 (24:00 is the end of the day).");
			}
		}
		if (from == null || to == null) {
			return null;
		}
		if (!to.equals(LocalTime.MIDNIGHT) && !to.isAfter(from)) {
			validation.add(field + ".to", "The end (" + formatEnd(to) + ") must come after the start (" + format(from)
					+ "). Across midnight, use two rows: one until 24:00 and one from 00:00.");
			return null;
		}
		// to was read from toText
		if (to.equals(LocalTime.MIDNIGHT) && !endOfDay(Objects.requireNonNull(toText).strip())) {
			validation.add(field + ".to",
					"An end of 00:00 would be before the start; write 24:00 for the end of the day.");
			return null;
		}
		return new LocalTime[] { from, to };
	}

	private static boolean endOfDay(String text) {
		Matcher matcher = TIME.matcher(text);
		return matcher.matches() && Integer.parseInt(matcher.group(1)) == 24;
	}

	/**
	 * "HH:MM" from 00:00 to 23:59, or "24:00" as 00:00 (the end of the day); else null.
	 */
	private static @Nullable LocalTime time(String text) {
		Matcher matcher = TIME.matcher(text);
		if (!matcher.matches()) {
			return null;
		}
		int hour = Integer.parseInt(matcher.group(1));
		int minute = Integer.parseInt(matcher.group(2));
		if (hour == 24 && minute == 0) {
			return LocalTime.MIDNIGHT;
		}
		if (hour > 23 || minute > 59) {
			return null;
		}
		return LocalTime.of(hour, minute);
	}

	private static @Nullable Freeze freeze(FreezeInput input, @Nullable ZoneId zone, String prefix,
			Validation validation) {
		Instant start = instant(input.start(), zone, prefix + "start", "Enter when the freeze starts", validation);
		Instant end = instant(input.end(), zone, prefix + "end", "Enter when the freeze ends", validation);
		String reason = (input.reason() != null) ? input.reason().strip() : null;
		if (reason == null || reason.isEmpty()) {
			validation.add(prefix + "reason", "Say why, such as \"Holiday freeze\".");
		}
		else if (reason.length() > MAX_REASON) {
			validation.add(prefix + "reason", "Keep the reason to " + MAX_REASON + " characters or fewer.");
		}
		if (start != null && end != null && !end.isAfter(start)) {
			validation.add(prefix + "end", "The freeze must end after it starts.");
			return null;
		}
		if (start == null || end == null || reason == null || reason.isEmpty() || reason.length() > MAX_REASON) {
			return null;
		}
		return new Freeze(start, end, reason);
	}

	private static @Nullable Instant instant(@Nullable String text, @Nullable ZoneId zone, String field, String missing,
			Validation validation) {
		if (text == null || text.isBlank()) {
			validation.add(field, missing + ", such as 2026-12-24T00:00:00Z.");
			return null;
		}
		String value = text.strip();
		try {
			return inRange(OffsetDateTime.parse(value).toInstant(), field, validation);
		}
		catch (DateTimeParseException ex) {
			// Not with an offset: perhaps a wall-clock time in the zone.
		}
		try {
			LocalDateTime local = LocalDateTime.parse(value);
			if (zone == null) {
				return null; // the time zone is wrong, and reported on its own field
			}
			return inRange(local.atZone(zone).toInstant(), field, validation);
		}
		catch (DateTimeException ex) {
			validation.add(field, "\"" + value
					+ "\" is not a date and time; write it like 2026-12-24T00:00:00Z (or 2026-12-24T00:00 in the time zone).");
			return null;
		}
	}

	private static @Nullable Instant inRange(Instant instant, String field, Validation validation) {
		if (!Instants.inRange(instant)) {
			validation.add(field, Instants.OUT_OF_RANGE);
			return null;
		}
		return instant;
	}

}
