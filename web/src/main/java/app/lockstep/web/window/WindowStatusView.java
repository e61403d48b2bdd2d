package app.lockstep.web.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import app.lockstep.domain.window.AllowedHours;
import app.lockstep.domain.window.Block;
import app.lockstep.domain.window.CalendarDay;
import app.lockstep.domain.window.ClosedSpan;
import app.lockstep.domain.window.Closure;
import app.lockstep.domain.window.Freeze;
import app.lockstep.domain.window.ViewDeploymentWindows;
import app.lockstep.domain.window.WindowRules;
import app.lockstep.domain.window.WindowRulesInput;
import org.jspecify.annotations.Nullable;

/**
 * The windows card as the environment page and the editor show it: the status in words,
 * the rules in words, and the calendar strip drawn as half-hour cells coloured by the
 * kind of rule that closes them (CSS classes only: no inline styles under the CSP).
 *
 * @param summary "Blocked until Mon 00:00 CET: No Friday deploys"
 * @param defaultRules true while the environment has never saved rules
 * @param rules one line per rule ("No Friday deploys: Friday, all day")
 * @param days the strip, one row per day
 * @param editPath the windows page of the environment
 */
public record WindowStatusView(String summary, boolean open, boolean defaultRules, String timeZone, List<String> rules,
		List<Day> days, String editPath, boolean canManage) {

	/** Cells per day: half hours. */
	public static final int CELLS = 48;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter FREEZE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz",
			Locale.ENGLISH);

	/**
	 * One day of the strip.
	 *
	 * @param label "Fri 27 Nov"
	 * @param note "clocks go back" on a daylight-saving day, else empty
	 * @param text what a screen reader hears: "closed 00:00–24:00 (No Friday deploys)"
	 */
	public record Day(String label, String isoDate, boolean today, String note, List<Cell> cells, String text) {

		/**
		 * "Fri 27 Nov: closed 00:00–24:00 (No Friday deploys)", what a screen reader
		 * hears.
		 */
		public String spoken() {
			return this.label + ": " + this.text;
		}

	}

	/** A half hour: {@code css} names its state, {@code title} the rules closing it. */
	public record Cell(String css, String title) {
	}

	public String editLabel() {
		return this.canManage ? "Edit windows" : "View rules";
	}

	static WindowStatusView of(ViewDeploymentWindows.Overview overview, String editPath, boolean canManage) {
		WindowRules rules = overview.rules();
		ZoneId zone = rules.timeZone();
		ZonedDateTime now = overview.now().atZone(zone);
		List<Day> days = new ArrayList<>();
		for (CalendarDay day : overview.days()) {
			boolean today = day.date().equals(now.toLocalDate());
			int nowCell = today ? (now.getHour() * 60 + now.getMinute()) / 30 : -1;
			days.add(new Day(DAY.format(day.date()), day.date().toString(), today, clockChange(day.date(), zone),
					cells(day, nowCell), text(day)));
		}
		return new WindowStatusView(overview.summary(), overview.decision().open(), overview.windows().defaultRules(),
				zone.getId(), describe(rules, overview.windows().organizationFreezes()), days, editPath, canManage);
	}

	/** The rules in words, one line each. */
	static List<String> describe(WindowRules rules, List<Freeze> organizationFreezes) {
		List<String> lines = new ArrayList<>();
		for (Block block : rules.blocks()) {
			lines.add(block.label() + ": " + days(block.days()) + ", " + hours(block.from(), block.to()));
		}
		for (AllowedHours hours : rules.allowedHours()) {
			lines.add("Allowed: " + days(hours.days()) + ", " + hours(hours.from(), hours.to()));
		}
		for (Freeze freeze : rules.freezes()) {
			lines.add(freeze.reason() + ": frozen " + freezeTime(freeze.start(), rules.timeZone()) + " until "
					+ freezeTime(freeze.end(), rules.timeZone()));
		}
		for (Freeze freeze : organizationFreezes) {
			lines.add(freeze.reason() + Closure.ORGANIZATION_WIDE + ": frozen "
					+ freezeTime(freeze.start(), rules.timeZone()) + " until "
					+ freezeTime(freeze.end(), rules.timeZone()));
		}
		return lines;
	}

	static String freezeTime(Instant instant, ZoneId zone) {
		return FREEZE_TIME.format(instant.atZone(zone));
	}

	private static String days(Set<DayOfWeek> days) {
		if (days.size() == 7) {
			return "every day";
		}
		return days.stream()
			.map((day) -> day.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH))
			.collect(Collectors.joining(", "));
	}

	private static String hours(java.time.LocalTime from, java.time.LocalTime to) {
		if (from.equals(java.time.LocalTime.MIDNIGHT) && to.equals(java.time.LocalTime.MIDNIGHT)) {
			return "all day";
		}
		return WindowRulesInput.format(from) + "–" + WindowRulesInput.formatEnd(to);
	}

	private static List<Cell> cells(CalendarDay day, int nowCell) {
		List<Cell> cells = new ArrayList<>(CELLS);
		for (int cell = 0; cell < CELLS; cell++) {
			int from = cell * 30;
			int to = from + 30;
			Closure.Kind kind = null;
			Set<String> labels = new LinkedHashSet<>();
			boolean full = false;
			for (ClosedSpan span : day.closed()) {
				if (span.fromMinute() < to && span.toMinute() > from) {
					labels.add(span.label());
					kind = stronger(kind, span.kind());
					full |= span.fromMinute() <= from && span.toMinute() >= to;
				}
			}
			StringBuilder css = new StringBuilder("window-cell");
			if (kind != null) {
				css.append(" closed-").append(kind.name());
				if (!full) {
					css.append(" partly");
				}
			}
			if (cell % 6 == 0) {
				css.append(" hour-mark");
			}
			if (cell == nowCell) {
				css.append(" now");
			}
			String time = String.format(Locale.ROOT, "%02d:%02d", from / 60, from % 60);
			cells.add(new Cell(css.toString(),
					labels.isEmpty() ? time + " open" : time + " " + String.join(", ", labels)));
		}
		return cells;
	}

	/** Freezes over blocks over allowed hours, for the colour of a cell with several. */
	private static Closure.Kind stronger(Closure.@Nullable Kind current, Closure.Kind other) {
		return (current == null || other.ordinal() < current.ordinal()) ? other : current;
	}

	private static String text(CalendarDay day) {
		if (day.openAllDay()) {
			return "open all day";
		}
		return "closed " + day.closed()
			.stream()
			.map((span) -> WindowRulesInput.format(span.from()) + "–"
					+ ((span.toMinute() == 1440) ? "24:00" : WindowRulesInput.format(span.to())) + " (" + span.label()
					+ ")")
			.collect(Collectors.joining(", "));
	}

	private static String clockChange(LocalDate date, ZoneId zone) {
		Instant start = date.atStartOfDay(zone).toInstant();
		Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
		ZoneOffsetTransition transition = zone.getRules().nextTransition(start.minusNanos(1));
		if (transition == null || !transition.getInstant().isBefore(end)) {
			return "";
		}
		return transition.isGap() ? "clocks go forward" : "clocks go back";
	}

}
