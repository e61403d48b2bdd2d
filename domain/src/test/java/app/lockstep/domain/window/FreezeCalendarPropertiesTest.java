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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static app.lockstep.domain.window.WindowFixtures.NEW_YORK;
import static app.lockstep.domain.window.WindowFixtures.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random rules and instants in Europe/Paris and America/New_York around their 2026
 * daylight-saving changes, checked against an independent reading of the rules (the wall
 * clock of each instant): the decision is right, the next open instant is open and
 * nothing between is, the instant an open window closes is closed and nothing before it
 * is. Instants are sampled at every minute boundary (up to ten days; then every hour) and
 * just before and at every rule boundary.
 */
class FreezeCalendarPropertiesTest {

	/** The 2026 clock changes (and an ordinary week) of each zone. */
	static final List<Instant> PARIS_DATES = List.of(Instant.parse("2026-03-29T01:00:00Z"),
			Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-06-10T12:00:00Z"));

	static final List<Instant> NEW_YORK_DATES = List.of(Instant.parse("2026-03-08T07:00:00Z"),
			Instant.parse("2026-11-01T06:00:00Z"), Instant.parse("2026-01-14T12:00:00Z"));

	static final Duration DENSE = Duration.ofDays(10);

	record Scenario(WindowRules rules, List<Freeze> organizationFreezes, Instant at) {
	}

	@Property(tries = 400)
	void theDecisionIsRightAndTheNextOpenInstantIsTheFirstOne(@ForAll("scenarios") Scenario scenario) {
		WindowRules rules = scenario.rules();
		List<Freeze> org = scenario.organizationFreezes();
		Instant at = scenario.at();
		WindowDecision decision = FreezeCalendar.evaluate(rules, org, at);
		assertThat(decision.open()).as("open at %s", at).isEqualTo(Oracle.open(rules, org, at));
		assertThat(new EffectiveWindows(rules, false, org, null, null).closedBy(at)).as("closedBy, the short answer")
			.isEqualTo(decision.blockedBy());
		if (decision.open()) {
			assertThat(decision.nextOpenAt()).isEqualTo(at);
			assertThat(decision.blockedBy()).isNull();
			Instant until = decision.openUntil();
			if (until != null) {
				assertThat(until).isAfter(at);
				assertThat(Oracle.open(rules, org, until)).as("closed at openUntil %s", until).isFalse();
				assertEverywhere(rules, org, at, until, true);
			}
			else {
				assertEverywhere(rules, org, at, at.plus(FreezeCalendar.HORIZON), true);
			}
		}
		else {
			assertThat(decision.openUntil()).isNull();
			assertThat(Oracle.closers(rules, org, at)).as("rules closing %s", at).contains(decision.blockedBy());
			Instant next = decision.nextOpenAt();
			if (next != null) {
				assertThat(next).isAfter(at);
				assertThat(Oracle.open(rules, org, next)).as("open at nextOpenAt %s", next).isTrue();
				assertEverywhere(rules, org, at, next, false);
			}
			else {
				assertEverywhere(rules, org, at, at.plus(FreezeCalendar.HORIZON), false);
			}
		}
	}

	@Property(tries = 150)
	void theCalendarDrawsExactlyTheClosedMinutes(@ForAll("scenarios") Scenario scenario) {
		WindowRules rules = scenario.rules();
		ZoneId zone = rules.timeZone();
		LocalDate first = scenario.at().atZone(zone).toLocalDate().minusDays(1);
		for (CalendarDay day : FreezeCalendar.days(rules, scenario.organizationFreezes(), first, 4)) {
			Instant start = day.date().atStartOfDay(zone).toInstant();
			Instant end = day.date().plusDays(1).atStartOfDay(zone).toInstant();
			for (ClosedSpan span : day.closed()) {
				assertThat(span.fromMinute()).as("%s", span).isLessThan(span.toMinute());
				assertThat(span.start()).isBefore(span.end());
			}
			for (Instant t = start; t.isBefore(end); t = t.plus(1, ChronoUnit.MINUTES)) {
				Instant instant = t;
				boolean drawn = day.closed()
					.stream()
					.anyMatch((span) -> !instant.isBefore(span.start()) && instant.isBefore(span.end()));
				assertThat(drawn).as("drawn closed at %s on %s", instant, day.date())
					.isEqualTo(!Oracle.open(rules, scenario.organizationFreezes(), instant));
			}
		}
	}

	/** Every sampled instant in {@code [from, to)} is open (or closed) as expected. */
	static void assertEverywhere(WindowRules rules, List<Freeze> org, Instant from, Instant to, boolean open) {
		for (Instant sample : samples(rules, org, from, to)) {
			assertThat(Oracle.open(rules, org, sample)).as("open at %s (between %s and %s)", sample, from, to)
				.isEqualTo(open);
		}
	}

	static Set<Instant> samples(WindowRules rules, List<Freeze> org, Instant from, Instant to) {
		Set<Instant> samples = new TreeSet<>();
		samples.add(from);
		Instant denseEnd = from.plus(DENSE);
		Instant t = from.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
		while (t.isBefore(to)) {
			samples.add(t);
			t = t.plus(t.isBefore(denseEnd) ? Duration.ofMinutes(1) : Duration.ofHours(1));
		}
		// Rule boundaries, and the instant just before each.
		ZoneId zone = rules.timeZone();
		List<Instant> boundaries = new ArrayList<>();
		List<LocalTime> times = new ArrayList<>(List.of(LocalTime.MIDNIGHT));
		rules.blocks().forEach((block) -> times.addAll(List.of(block.from(), block.to())));
		rules.allowedHours().forEach((hours) -> times.addAll(List.of(hours.from(), hours.to())));
		LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
		for (LocalDate date = from.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last); date = date
			.plusDays(1)) {
			for (LocalTime time : times) {
				LocalDateTime wallClock = date.atTime(time);
				for (ZoneOffset offset : zone.getRules().getValidOffsets(wallClock)) {
					boundaries.add(wallClock.toInstant(offset));
				}
			}
		}
		for (ZoneOffsetTransition transition : zone.getRules().getTransitions()) {
			boundaries.add(transition.getInstant());
		}
		for (int year = 2025; year <= 2028; year++) {
			for (var rule : zone.getRules().getTransitionRules()) {
				boundaries.add(rule.createTransition(year).getInstant());
			}
		}
		for (List<Freeze> freezes : List.of(rules.freezes(), org)) {
			freezes.forEach((freeze) -> boundaries.addAll(List.of(freeze.start(), freeze.end())));
		}
		for (Instant boundary : boundaries) {
			for (Instant sample : List.of(boundary, boundary.minusNanos(1))) {
				if (!sample.isBefore(from) && sample.isBefore(to)) {
					samples.add(sample);
				}
			}
		}
		return samples;
	}

	@Provide
	Arbitrary<Scenario> scenarios() {
		return Arbitraries.of(PARIS, NEW_YORK).flatMap((zone) -> {
			List<Instant> dates = zone.equals(PARIS) ? PARIS_DATES : NEW_YORK_DATES;
			Arbitrary<Instant> near = Combinators
				.combine(Arbitraries.of(dates), Arbitraries.integers().between(-4 * 1440, 4 * 1440),
						Arbitraries.integers().between(0, 59))
				.as((date, minutes, seconds) -> date.plus(Duration.ofMinutes(minutes)).plusSeconds(seconds));
			Arbitrary<Freeze> freezes = Combinators
				.combine(near, Arbitraries.integers().between(1, 3 * 1440), Arbitraries.of("Freeze", "Release"))
				.as((start, minutes, reason) -> new Freeze(start, start.plus(Duration.ofMinutes(minutes)), reason));
			Arbitrary<WindowRules> rules = Combinators
				.combine(blocks().list().ofMaxSize(3), allowedHours().list().ofMaxSize(2), freezes.list().ofMaxSize(2))
				.as((blocks, hours, own) -> new WindowRules(zone, blocks, hours, own));
			return Combinators.combine(rules, freezes.list().ofMaxSize(2), near).as(Scenario::new);
		});
	}

	static Arbitrary<Block> blocks() {
		return Combinators
			.combine(Arbitraries.of("A", "B", "C"), days(), quarter(), Arbitraries.integers().between(1, 96))
			.as((label, days, from, length) -> new Block(label, days, from, end(from, length)));
	}

	static Arbitrary<AllowedHours> allowedHours() {
		return Combinators.combine(days(), quarter(), Arbitraries.integers().between(1, 96))
			.as((days, from, length) -> new AllowedHours(days, from, end(from, length)));
	}

	/**
	 * Times on the quarter hour, with the hours that daylight-saving changes touch
	 * favoured.
	 */
	static Arbitrary<LocalTime> quarter() {
		return Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(3,
						Arbitraries.integers().between(0, 95).map((q) -> LocalTime.of(q / 4, q % 4 * 15))),
				net.jqwik.api.Tuple.of(2, Arbitraries.of(LocalTime.of(0, 0), LocalTime.of(1, 0), LocalTime.of(1, 30),
						LocalTime.of(2, 0), LocalTime.of(2, 30), LocalTime.of(3, 0))));
	}

	static LocalTime end(LocalTime from, int quarters) {
		int minutes = from.getHour() * 60 + from.getMinute() + quarters * 15;
		return (minutes >= 1440) ? LocalTime.MIDNIGHT : LocalTime.of(minutes / 60, minutes % 60);
	}

	static Arbitrary<Set<DayOfWeek>> days() {
		return Arbitraries.subsetOf(DayOfWeek.values()).ofMinSize(1);
	}

	/** The rules read directly off each instant's wall clock, as a person would. */
	static final class Oracle {

		static boolean open(WindowRules rules, List<Freeze> org, Instant t) {
			return closers(rules, org, t).isEmpty();
		}

		/** The names of every rule closing {@code t}. */
		static List<String> closers(WindowRules rules, List<Freeze> org, Instant t) {
			List<String> names = new ArrayList<>();
			for (Freeze freeze : rules.freezes()) {
				if (freeze.start().compareTo(t) <= 0 && t.compareTo(freeze.end()) < 0) {
					names.add(freeze.reason());
				}
			}
			for (Freeze freeze : org) {
				if (freeze.start().compareTo(t) <= 0 && t.compareTo(freeze.end()) < 0) {
					names.add(freeze.reason() + " (organization-wide)");
				}
			}
			LocalDateTime wallClock = LocalDateTime.ofInstant(t, rules.timeZone());
			long nanoOfDay = wallClock.toLocalTime().toNanoOfDay();
			for (Block block : rules.blocks()) {
				if (block.days().contains(wallClock.getDayOfWeek()) && inside(nanoOfDay, block.from(), block.to())) {
					names.add(block.label());
				}
			}
			if (!rules.allowedHours().isEmpty() && rules.allowedHours()
				.stream()
				.noneMatch((hours) -> hours.days().contains(wallClock.getDayOfWeek())
						&& inside(nanoOfDay, hours.from(), hours.to()))) {
				names.add("Outside allowed hours");
			}
			return names;
		}

		static boolean inside(long nanoOfDay, LocalTime from, LocalTime to) {
			long end = to.equals(LocalTime.MIDNIGHT) ? LocalTime.MAX.toNanoOfDay() + 1 : to.toNanoOfDay();
			return from.toNanoOfDay() <= nanoOfDay && nanoOfDay < end;
		}

	}

}
