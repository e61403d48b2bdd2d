package app.lockstep.domain.window;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The one function that decides deployment windows:
 * {@link #evaluate(WindowRules, List, Instant)} answers whether an instant is open, and
 * if not, which rule blocks it and when the next open instant is.
 * <p>
 * How it decides. An instant is closed when it lies in a freeze ({@code [start, end)}),
 * or when the wall clock of the rules' time zone shows a time in {@code [from, to)} of a
 * block on one of its days, or when there are allowed hours and none of them covers the
 * wall clock. Wall-clock times that do not exist (the hour skipped when clocks go
 * forward) close nothing; times that happen twice (the hour repeated when clocks go back)
 * close both times.
 * <p>
 * How it searches. Whether an instant is open can only change at a <em>boundary</em>: a
 * freeze's start or end, a daylight-saving transition, or an instant whose wall-clock
 * time is a rule's {@code from}/{@code to} or midnight (with every offset valid at that
 * wall-clock time). Between two boundaries the answer is constant, so the next open
 * instant is the first boundary that is open: the search jumps from boundary to boundary,
 * a week at a time, up to {@link #HORIZON} ahead. Freezes alone need no horizon.
 */
public final class FreezeCalendar {

	/** How far ahead the search for an open (or closing) instant looks. */
	public static final Duration HORIZON = Duration.ofDays(400);

	private static final Duration CHUNK = Duration.ofDays(7);

	private FreezeCalendar() {
	}

	/**
	 * Whether {@code at} is open under the rules and the organization's freezes (pass the
	 * organization's freezes only for environments they apply to: production).
	 * @return open: {@code nextOpenAt == at} and {@code openUntil} the first instant
	 * after it that is closed (null when none within the horizon); closed:
	 * {@code blockedBy} names the rule closing {@code at} (the environment's freezes
	 * first, then the organization's, then blocks in order, then allowed hours),
	 * {@code nextOpenAt} is the earliest open instant after {@code at} (null when none
	 * within the horizon) and {@code heldBy} the rule holding it until then (see
	 * {@link #holding})
	 */
	public static WindowDecision evaluate(WindowRules rules, List<Freeze> organizationFreezes, Instant at) {
		Closure closure = closureAt(rules, organizationFreezes, at);
		if (closure == null) {
			return WindowDecision.openAt(at, firstAfter(rules, organizationFreezes, at, false));
		}
		Instant next = firstAfter(rules, organizationFreezes, at, true);
		return WindowDecision.blocked(closure.label(), next, holding(rules, organizationFreezes, closure, at, next));
	}

	/**
	 * The rule to name beside "until {@code next}". A freeze is a dated, one-off rule:
	 * when it ends before {@code next}, whatever closes the window at its end holds it
	 * (followed through further freezes), such as "outside allowed hours" after a freeze
	 * ending on Thursday. Recurring rules that follow each other (Friday, then the
	 * weekend) read as one weekly closure and keep the first one's name.
	 */
	private static String holding(WindowRules rules, List<Freeze> organizationFreezes, Closure closure, Instant at,
			@Nullable Instant next) {
		String held = closure.label();
		if (next == null) {
			return held;
		}
		Instant cursor = at;
		Closure current = closure;
		while (current != null) {
			held = current.label();
			if (current.kind() != Closure.Kind.FREEZE && current.kind() != Closure.Kind.ORGANIZATION_FREEZE) {
				break;
			}
			Instant end = earliestEndCovering(rules, organizationFreezes, cursor);
			if (end == null || !end.isBefore(next)) {
				break;
			}
			cursor = end;
			current = closureAt(rules, organizationFreezes, end);
		}
		return held;
	}

	/** The earliest end of the freezes covering {@code at}, or null when none does. */
	private static @Nullable Instant earliestEndCovering(WindowRules rules, List<Freeze> organizationFreezes,
			Instant at) {
		return Stream.concat(rules.freezes().stream(), organizationFreezes.stream())
			.filter((freeze) -> freeze.covers(at))
			.map(Freeze::end)
			.min(Instant::compareTo)
			.orElse(null);
	}

	/**
	 * Whether {@code at} is open; the same answer as {@link #evaluate}, without the
	 * search.
	 */
	public static boolean isOpen(WindowRules rules, List<Freeze> organizationFreezes, Instant at) {
		return closureAt(rules, organizationFreezes, at) == null;
	}

	/** The rule that closes {@code at}, or null when it is open. */
	public static @Nullable Closure closureAt(WindowRules rules, List<Freeze> organizationFreezes, Instant at) {
		for (Freeze freeze : rules.freezes()) {
			if (freeze.covers(at)) {
				return new Closure(Closure.Kind.FREEZE, freeze.reason());
			}
		}
		for (Freeze freeze : organizationFreezes) {
			if (freeze.covers(at)) {
				return new Closure(Closure.Kind.ORGANIZATION_FREEZE, freeze.reason() + Closure.ORGANIZATION_WIDE);
			}
		}
		if (!rules.recurring()) {
			return null;
		}
		ZonedDateTime local = at.atZone(rules.timeZone());
		DayOfWeek day = local.getDayOfWeek();
		LocalTime time = local.toLocalTime();
		for (Block block : rules.blocks()) {
			if (block.covers(day, time)) {
				return new Closure(Closure.Kind.BLOCK, block.label());
			}
		}
		if (!rules.allowedHours().isEmpty()
				&& rules.allowedHours().stream().noneMatch((hours) -> hours.covers(day, time))) {
			return new Closure(Closure.Kind.OUTSIDE_ALLOWED_HOURS, Closure.OUTSIDE_ALLOWED_HOURS);
		}
		return null;
	}

	/**
	 * The calendar strip: {@code count} days from {@code from} in the rules' time zone,
	 * each with its closed stretches (same rule, same kind merged).
	 */
	public static List<CalendarDay> days(WindowRules rules, List<Freeze> organizationFreezes, LocalDate from,
			int count) {
		ZoneId zone = rules.timeZone();
		ZoneRules zoneRules = zone.getRules();
		List<CalendarDay> days = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			LocalDate date = from.plusDays(i);
			Instant dayStart = date.atStartOfDay(zone).toInstant();
			Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
			List<Instant> points = new ArrayList<>();
			points.add(dayStart);
			for (Instant boundary : boundaries(rules, organizationFreezes, dayStart, dayEnd)) {
				if (boundary.isBefore(dayEnd)) {
					points.add(boundary);
				}
			}
			List<ClosedSpan> spans = new ArrayList<>();
			for (int p = 0; p < points.size(); p++) {
				Instant start = points.get(p);
				Instant end = (p + 1 < points.size()) ? points.get(p + 1) : dayEnd;
				Closure closure = closureAt(rules, organizationFreezes, start);
				if (closure == null) {
					continue;
				}
				LocalTime fromTime = start.equals(dayStart) ? LocalTime.MIDNIGHT : start.atZone(zone).toLocalTime();
				LocalTime toTime = end.equals(dayEnd) ? LocalTime.MIDNIGHT
						: end.atOffset(zoneRules.getOffset(end.minusNanos(1))).toLocalTime();
				ClosedSpan span = new ClosedSpan(start, end, fromTime, toTime, closure.kind(), closure.label());
				ClosedSpan previous = spans.isEmpty() ? null : spans.get(spans.size() - 1);
				if (previous != null && previous.end().equals(start) && previous.kind() == span.kind()
						&& previous.label().equals(span.label()) && !previous.to().isAfter(span.from())) {
					spans.set(spans.size() - 1,
							new ClosedSpan(previous.start(), end, previous.from(), toTime, span.kind(), span.label()));
				}
				else {
					spans.add(span);
				}
			}
			days.add(new CalendarDay(date, spans));
		}
		return days;
	}

	/**
	 * The first instant after {@code after} that is open ({@code wantOpen}) or closed, or
	 * null when none comes within the horizon.
	 */
	private static @Nullable Instant firstAfter(WindowRules rules, List<Freeze> organizationFreezes, Instant after,
			boolean wantOpen) {
		if (!rules.recurring()) {
			// Only freezes: their boundaries are all there is, however far away.
			return Stream.concat(rules.freezes().stream(), organizationFreezes.stream())
				.flatMap((freeze) -> Stream.of(freeze.start(), freeze.end()))
				.filter((boundary) -> boundary.isAfter(after))
				.sorted()
				.filter((boundary) -> isOpen(rules, organizationFreezes, boundary) == wantOpen)
				.findFirst()
				.orElse(null);
		}
		Instant limit = after.plus(HORIZON);
		Instant chunkStart = after;
		while (chunkStart.isBefore(limit)) {
			Instant chunkEnd = chunkStart.plus(CHUNK);
			if (chunkEnd.isAfter(limit)) {
				chunkEnd = limit;
			}
			for (Instant boundary : boundaries(rules, organizationFreezes, chunkStart, chunkEnd)) {
				if (isOpen(rules, organizationFreezes, boundary) == wantOpen) {
					return boundary;
				}
			}
			chunkStart = chunkEnd;
		}
		return null;
	}

	/**
	 * Every instant in {@code (from, to]} at which being open could change, in order.
	 */
	static NavigableSet<Instant> boundaries(WindowRules rules, List<Freeze> organizationFreezes, Instant from,
			Instant to) {
		NavigableSet<Instant> found = new TreeSet<>();
		ZoneId zone = rules.timeZone();
		ZoneRules zoneRules = zone.getRules();
		if (rules.recurring()) {
			Set<LocalTime> times = new TreeSet<>();
			times.add(LocalTime.MIDNIGHT);
			for (Block block : rules.blocks()) {
				times.add(block.from());
				times.add(block.to());
			}
			for (AllowedHours hours : rules.allowedHours()) {
				times.add(hours.from());
				times.add(hours.to());
			}
			LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
			for (LocalDate date = from.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last); date = date
				.plusDays(1)) {
				for (LocalTime time : times) {
					LocalDateTime wallClock = date.atTime(time);
					List<ZoneOffset> offsets = zoneRules.getValidOffsets(wallClock);
					if (offsets.isEmpty()) {
						// Skipped by a clock change: the rule starts (or ends) when the
						// clock jumps.
						ZoneOffsetTransition gap = zoneRules.getTransition(wallClock);
						if (gap != null) {
							found.add(gap.getInstant());
						}
					}
					for (ZoneOffset offset : offsets) {
						found.add(wallClock.toInstant(offset));
					}
				}
			}
		}
		// Clock changes: the wall clock jumps, so a rule may start or end there (and
		// calendar
		// spans are cut there).
		for (ZoneOffsetTransition transition = zoneRules.nextTransition(from); transition != null
				&& !transition.getInstant().isAfter(to); transition = zoneRules
					.nextTransition(transition.getInstant())) {
			found.add(transition.getInstant());
		}
		for (List<Freeze> freezes : List.of(rules.freezes(), organizationFreezes)) {
			for (Freeze freeze : freezes) {
				found.add(freeze.start());
				found.add(freeze.end());
			}
		}
		return found.subSet(from, false, to, true);
	}

}
