package app.lockstep.domain.window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import app.lockstep.domain.project.Tier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static app.lockstep.domain.window.WindowFixtures.NEW_YORK;
import static app.lockstep.domain.window.WindowFixtures.PARIS;
import static app.lockstep.domain.window.WindowFixtures.at;
import static app.lockstep.domain.window.WindowFixtures.block;
import static app.lockstep.domain.window.WindowFixtures.blocks;
import static app.lockstep.domain.window.WindowFixtures.freeze;
import static app.lockstep.domain.window.WindowFixtures.hours;
import static app.lockstep.domain.window.WindowFixtures.rules;
import static app.lockstep.domain.window.WindowFixtures.time;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixed instants for every kind of rule and every daylight-saving case. Paris: clocks go
 * forward on 2026-03-29 at 01:00Z (02:00 CET becomes 03:00 CEST) and back on 2026-10-25
 * at 01:00Z (03:00 CEST becomes 02:00 CET). New York: forward on 2026-03-08 at 07:00Z
 * (02:00 EST becomes 03:00 EDT), back on 2026-11-01 at 06:00Z (02:00 EDT becomes 01:00
 * EST).
 */
class FreezeCalendarTest {

	static final List<Freeze> NONE = List.of();

	static WindowDecision evaluate(WindowRules rules, String instant) {
		return FreezeCalendar.evaluate(rules, NONE, at(instant));
	}

	@Nested
	class TheDefault {

		final WindowRules production = WindowRules.defaultFor(Tier.PRODUCTION, PARIS);

		@Test
		void productionIsBlockedOnFridayUntilMondayMidnightInItsTimeZone() {
			// Friday 27 November 2026, 11:00 CET.
			assertThat(FreezeCalendar.evaluate(this.production, NONE, at("2026-11-27T10:00:00Z")))
				.isEqualTo(new WindowDecision(false, "No Friday deploys", at("2026-11-29T23:00:00Z"), null));
			// Friday 00:00 CET is already blocked; Thursday 23:59:59 CET is not.
			assertThat(evaluate(this.production, "2026-11-26T23:00:00Z").open()).isFalse();
			assertThat(evaluate(this.production, "2026-11-26T22:59:59Z").open()).isTrue();
		}

		@Test
		void theWeekendIsBlockedByItsOwnRule() {
			assertThat(evaluate(this.production, "2026-11-28T12:00:00Z"))
				.isEqualTo(new WindowDecision(false, "No weekend deploys", at("2026-11-29T23:00:00Z"), null));
		}

		@Test
		void fromMondayItIsOpenUntilFridayMidnight() {
			assertThat(evaluate(this.production, "2026-11-30T08:00:00Z"))
				.isEqualTo(new WindowDecision(true, null, at("2026-11-30T08:00:00Z"), at("2026-12-03T23:00:00Z")));
		}

		@Test
		void inSummerTheSameRuleFollowsCentralEuropeanSummerTime() {
			// Friday 3 July 2026 is blocked from 22:00Z on Thursday until Sunday 22:00Z.
			assertThat(evaluate(this.production, "2026-07-02T21:59:00Z").openUntil())
				.isEqualTo(at("2026-07-02T22:00:00Z"));
			assertThat(evaluate(this.production, "2026-07-03T12:00:00Z").nextOpenAt())
				.isEqualTo(at("2026-07-05T22:00:00Z"));
		}

		@Test
		void otherTiersAreAlwaysOpen() {
			WindowRules staging = WindowRules.defaultFor(Tier.STAGING, PARIS);
			assertThat(evaluate(staging, "2026-11-27T10:00:00Z"))
				.isEqualTo(new WindowDecision(true, null, at("2026-11-27T10:00:00Z"), null));
			assertThat(WindowRules.defaultFor(Tier.DEVELOPMENT, NEW_YORK)).isEqualTo(WindowRules.open(NEW_YORK));
		}

	}

	@Nested
	class Blocks {

		@Test
		void aBlockIsHalfOpenFromItsStartToItsEnd() {
			WindowRules lunch = blocks(PARIS, block("Lunch", "12:00", "13:30", TUESDAY));
			// Tuesday 1 December 2026: 12:00 CET = 11:00Z.
			assertThat(evaluate(lunch, "2026-12-01T10:59:59Z"))
				.isEqualTo(new WindowDecision(true, null, at("2026-12-01T10:59:59Z"), at("2026-12-01T11:00:00Z")));
			assertThat(evaluate(lunch, "2026-12-01T11:00:00Z"))
				.isEqualTo(new WindowDecision(false, "Lunch", at("2026-12-01T12:30:00Z"), null));
			assertThat(evaluate(lunch, "2026-12-01T12:30:00Z").open()).isTrue();
			// Next week's lunch is the next close.
			assertThat(evaluate(lunch, "2026-12-01T12:30:00Z").openUntil()).isEqualTo(at("2026-12-08T11:00:00Z"));
		}

		@Test
		void twentyFourHundredEndsAtTheNextLocalMidnight() {
			WindowRules evening = blocks(NEW_YORK, block("Evening", "18:00", "24:00", MONDAY));
			// Monday 7 December 2026 18:00 EST = 23:00Z; Tuesday 00:00 EST = 05:00Z.
			assertThat(evaluate(evening, "2026-12-08T02:00:00Z"))
				.isEqualTo(new WindowDecision(false, "Evening", at("2026-12-08T05:00:00Z"), null));
		}

		@Test
		void overlappingAndAdjacentBlocksAreCrossedToTheFirstOpenInstant() {
			WindowRules rules = blocks(PARIS, block("Morning", "08:00", "12:00", WEDNESDAY),
					block("Midday", "11:00", "14:00", WEDNESDAY), block("Afternoon", "14:00", "16:00", WEDNESDAY));
			// Wednesday 2 December 2026 09:00 CET: blocked by the first rule, open at
			// 16:00 CET.
			assertThat(evaluate(rules, "2026-12-02T08:00:00Z"))
				.isEqualTo(new WindowDecision(false, "Morning", at("2026-12-02T15:00:00Z"), null));
			assertThat(evaluate(rules, "2026-12-02T12:00:00Z").blockedBy()).isEqualTo("Midday");
			assertThat(evaluate(rules, "2026-12-02T14:00:00Z").blockedBy()).isEqualTo("Afternoon");
		}

		@Test
		void consecutiveDaysBlockedUntilTheEndOfTheLastOne() {
			WindowRules rules = blocks(PARIS, block("Thursday night", "20:00", "24:00", THURSDAY),
					block("No Friday deploys", "00:00", "24:00", FRIDAY),
					block("Saturday", "00:00", "06:00", SATURDAY));
			assertThat(evaluate(rules, "2026-12-03T19:30:00Z"))
				.isEqualTo(new WindowDecision(false, "Thursday night", at("2026-12-05T05:00:00Z"), null));
		}

		@Test
		void whenNothingOpensWithinTheHorizonNextOpenAtIsNullAndTheRuleIsNamed() {
			WindowRules never = blocks(PARIS, block("Frozen for good", "00:00", "24:00", MONDAY, TUESDAY, WEDNESDAY,
					THURSDAY, FRIDAY, SATURDAY, SUNDAY));
			assertThat(evaluate(never, "2026-06-01T00:00:00Z"))
				.isEqualTo(new WindowDecision(false, "Frozen for good", null, null));
		}

	}

	@Nested
	class AllowedHoursOnly {

		final WindowRules office = rules(PARIS, List.of(),
				List.of(hours("09:00", "17:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY)), List.of());

		@Test
		void insideTheHoursItIsOpenUntilTheirEnd() {
			// Tuesday 1 December 2026 10:00 CET.
			assertThat(FreezeCalendar.evaluate(this.office, NONE, at("2026-12-01T09:00:00Z")))
				.isEqualTo(new WindowDecision(true, null, at("2026-12-01T09:00:00Z"), at("2026-12-01T16:00:00Z")));
		}

		@Test
		void outsideThemItIsBlockedUntilTheNextOnesStart() {
			// Thursday 3 December 17:00 CET: next is Monday 7 December 09:00 CET.
			assertThat(FreezeCalendar.evaluate(this.office, NONE, at("2026-12-03T16:00:00Z")))
				.isEqualTo(new WindowDecision(false, "Outside allowed hours", at("2026-12-07T08:00:00Z"), null));
			assertThat(FreezeCalendar.evaluate(this.office, NONE, at("2026-12-07T07:59:00Z")).nextOpenAt())
				.isEqualTo(at("2026-12-07T08:00:00Z"));
		}

		@Test
		void aBlockInsideAllowedHoursStillBlocks() {
			WindowRules rules = rules(PARIS, List.of(block("Stand-up", "09:00", "09:30", MONDAY)),
					this.office.allowedHours(), List.of());
			// Monday 7 December 08:00 CET: outside hours; 09:00 stand-up; open at 09:30
			// CET.
			assertThat(FreezeCalendar.evaluate(rules, NONE, at("2026-12-07T07:00:00Z")))
				.isEqualTo(new WindowDecision(false, "Outside allowed hours", at("2026-12-07T08:30:00Z"), null));
		}

		@Test
		void allowedHoursFollowTheClockAcrossTheSpringChangeInNewYork() {
			WindowRules rules = rules(NEW_YORK, List.of(), List.of(hours("09:00", "17:00", MONDAY)), List.of());
			// Monday 2 March 09:00 EST = 14:00Z; Monday 9 March (after the change) 09:00
			// EDT = 13:00Z.
			assertThat(FreezeCalendar.evaluate(rules, NONE, at("2026-03-02T22:00:00Z")).nextOpenAt())
				.isEqualTo(at("2026-03-09T13:00:00Z"));
			assertThat(FreezeCalendar.evaluate(rules, NONE, at("2026-03-09T13:00:00Z")).openUntil())
				.isEqualTo(at("2026-03-09T21:00:00Z"));
		}

	}

	@Nested
	class Freezes {

		final Freeze holidays = freeze("2026-12-24T00:00:00Z", "2027-01-02T00:00:00Z", "Holiday freeze");

		@Test
		void aFreezeBlocksFromItsStartUntilItsEnd() {
			WindowRules rules = rules(PARIS, List.of(), List.of(), List.of(this.holidays));
			assertThat(evaluate(rules, "2026-12-23T23:59:59Z"))
				.isEqualTo(new WindowDecision(true, null, at("2026-12-23T23:59:59Z"), at("2026-12-24T00:00:00Z")));
			assertThat(evaluate(rules, "2026-12-24T00:00:00Z"))
				.isEqualTo(new WindowDecision(false, "Holiday freeze", at("2027-01-02T00:00:00Z"), null));
			assertThat(evaluate(rules, "2027-01-02T00:00:00Z"))
				.isEqualTo(new WindowDecision(true, null, at("2027-01-02T00:00:00Z"), null));
		}

		@Test
		void aFreezeFarAwayIsStillFoundWhenThereIsNoRecurringRule() {
			WindowRules rules = rules(PARIS, List.of(), List.of(),
					List.of(freeze("2030-12-24T00:00:00Z", "2031-01-02T00:00:00Z", "Far")));
			assertThat(evaluate(rules, "2026-01-01T00:00:00Z").openUntil()).isEqualTo(at("2030-12-24T00:00:00Z"));
		}

		@Test
		void organizationFreezesAreNamedAsSuch() {
			WindowRules rules = WindowRules.open(PARIS);
			assertThat(FreezeCalendar.evaluate(rules, List.of(this.holidays), at("2026-12-25T12:00:00Z"))).isEqualTo(
					new WindowDecision(false, "Holiday freeze (organization-wide)", at("2027-01-02T00:00:00Z"), null));
		}

		@Test
		void theEnvironmentsOwnFreezeIsNamedBeforeAnOrganizationFreezeAndBeforeBlocks() {
			WindowRules rules = rules(PARIS, List.of(block("No Friday deploys", "00:00", "24:00", FRIDAY)), List.of(),
					List.of(freeze("2026-12-24T00:00:00Z", "2026-12-26T00:00:00Z", "Launch")));
			Instant christmas = at("2026-12-25T12:00:00Z"); // a Friday
			assertThat(FreezeCalendar.evaluate(rules, List.of(this.holidays), christmas)).isEqualTo(new WindowDecision(
					false, "Launch", at("2027-01-02T00:00:00Z"), null, "Holiday freeze (organization-wide)"));
		}

		@Test
		void aFreezeEndingInsideABlockOpensWhenTheBlockEnds() {
			// The freeze ends on Friday 1 January 2027 01:00Z, inside "No Friday deploys"
			// (CET).
			WindowRules rules = rules(PARIS, List.of(block("No Friday deploys", "00:00", "24:00", FRIDAY)), List.of(),
					List.of(freeze("2026-12-30T00:00:00Z", "2027-01-01T01:00:00Z", "Year end")));
			assertThat(evaluate(rules, "2026-12-31T12:00:00Z")).isEqualTo(
					new WindowDecision(false, "Year end", at("2027-01-01T23:00:00Z"), null, "No Friday deploys"));
		}

	}

	@Nested
	class DaylightSaving {

		@Test
		void parisSpringForwardABlockOfTheSkippedHourClosesNothing() {
			WindowRules rules = blocks(PARIS, block("Skipped", "02:00", "03:00", SUNDAY));
			// 01:59 CET, then 03:00 CEST: both open; the next close is a week later,
			// 02:00 CEST.
			assertThat(evaluate(rules, "2026-03-29T00:59:00Z"))
				.isEqualTo(new WindowDecision(true, null, at("2026-03-29T00:59:00Z"), at("2026-04-05T00:00:00Z")));
			assertThat(evaluate(rules, "2026-03-29T01:00:00Z").open()).isTrue();
			// The Sunday before, 02:00 CET = 01:00Z was closed.
			assertThat(evaluate(rules, "2026-03-22T01:30:00Z"))
				.isEqualTo(new WindowDecision(false, "Skipped", at("2026-03-22T02:00:00Z"), null));
		}

		@Test
		void parisSpringForwardABlockStartingInTheSkippedHourStartsWhenTheClockJumps() {
			WindowRules rules = blocks(PARIS, block("Early", "02:30", "04:00", SUNDAY));
			assertThat(evaluate(rules, "2026-03-29T00:30:00Z").openUntil()).isEqualTo(at("2026-03-29T01:00:00Z"));
			// 03:00 CEST = 01:00Z until 04:00 CEST = 02:00Z.
			assertThat(evaluate(rules, "2026-03-29T01:00:00Z"))
				.isEqualTo(new WindowDecision(false, "Early", at("2026-03-29T02:00:00Z"), null));
		}

		@Test
		void parisSpringForwardABlockEndingInTheSkippedHourEndsWhenTheClockJumps() {
			WindowRules rules = blocks(PARIS, block("Night", "01:00", "02:30", SUNDAY));
			// 01:00 CET = 00:00Z until the jump at 01:00Z (which reads 03:00 CEST).
			assertThat(evaluate(rules, "2026-03-29T00:00:00Z"))
				.isEqualTo(new WindowDecision(false, "Night", at("2026-03-29T01:00:00Z"), null));
		}

		@Test
		void parisFallBackTheRepeatedHourIsBlockedBothTimes() {
			WindowRules rules = blocks(PARIS, block("Repeated", "02:00", "03:00", SUNDAY));
			// 02:00 CEST = 00:00Z ... 03:00 CEST becomes 02:00 CET at 01:00Z ... 03:00
			// CET = 02:00Z.
			assertThat(evaluate(rules, "2026-10-24T23:59:00Z").openUntil()).isEqualTo(at("2026-10-25T00:00:00Z"));
			assertThat(evaluate(rules, "2026-10-25T00:00:00Z"))
				.isEqualTo(new WindowDecision(false, "Repeated", at("2026-10-25T02:00:00Z"), null));
			assertThat(evaluate(rules, "2026-10-25T01:30:00Z").open()).isFalse();
		}

		@Test
		void parisFallBackAnHourBeforeTheChangeIsOneHourLong() {
			WindowRules rules = blocks(PARIS, block("Before", "01:00", "02:00", SUNDAY));
			// 01:00 CEST = 23:00Z on Saturday, 02:00 CEST = 00:00Z.
			assertThat(evaluate(rules, "2026-10-24T23:00:00Z"))
				.isEqualTo(new WindowDecision(false, "Before", at("2026-10-25T00:00:00Z"), null));
		}

		@Test
		void newYorkFallBackABlockOfTheRepeatedHourLastsTwoHours() {
			WindowRules rules = blocks(NEW_YORK, block("Repeated", "01:00", "02:00", SUNDAY));
			// 01:00 EDT = 05:00Z; the clock goes back at 06:00Z to 01:00 EST; 02:00 EST =
			// 07:00Z.
			assertThat(evaluate(rules, "2026-11-01T04:59:00Z").openUntil()).isEqualTo(at("2026-11-01T05:00:00Z"));
			assertThat(evaluate(rules, "2026-11-01T05:30:00Z"))
				.isEqualTo(new WindowDecision(false, "Repeated", at("2026-11-01T07:00:00Z"), null));
			assertThat(evaluate(rules, "2026-11-01T06:30:00Z"))
				.isEqualTo(new WindowDecision(false, "Repeated", at("2026-11-01T07:00:00Z"), null));
		}

		@Test
		void newYorkFallBackABlockEndingInTheRepeatedHourEndsTheSecondTimeTheClockReadsIt() {
			WindowRules rules = blocks(NEW_YORK, block("Late", "00:00", "01:30", SUNDAY));
			// Wall clock in [00:00, 01:30): 04:00Z-05:30Z (EDT) and again 06:00Z-06:30Z
			// (EST).
			assertThat(evaluate(rules, "2026-11-01T04:00:00Z"))
				.isEqualTo(new WindowDecision(false, "Late", at("2026-11-01T05:30:00Z"), null));
			assertThat(evaluate(rules, "2026-11-01T05:30:00Z"))
				.isEqualTo(new WindowDecision(true, null, at("2026-11-01T05:30:00Z"), at("2026-11-01T06:00:00Z")));
			assertThat(evaluate(rules, "2026-11-01T06:00:00Z"))
				.isEqualTo(new WindowDecision(false, "Late", at("2026-11-01T06:30:00Z"), null));
		}

		@Test
		void newYorkSpringForwardTheSkippedHourClosesNothingAndTheDayIsShorter() {
			WindowRules skipped = blocks(NEW_YORK, block("Skipped", "02:00", "03:00", SUNDAY));
			assertThat(evaluate(skipped, "2026-03-08T06:59:00Z").openUntil()).isEqualTo(at("2026-03-15T06:00:00Z"));
			WindowRules sunday = blocks(NEW_YORK, block("Sunday", "00:00", "24:00", SUNDAY));
			// Sunday 8 March: 00:00 EST = 05:00Z until Monday 00:00 EDT = 04:00Z: 23
			// hours.
			assertThat(evaluate(sunday, "2026-03-08T05:00:00Z"))
				.isEqualTo(new WindowDecision(false, "Sunday", at("2026-03-09T04:00:00Z"), null));
		}

		@Test
		void twentyFourHundredOnTheLongFallBackDayIsTwentyFiveHoursAfterMidnight() {
			WindowRules sunday = blocks(PARIS, block("Sunday", "00:00", "24:00", SUNDAY));
			// Sunday 25 October: 00:00 CEST = 24 Oct 22:00Z until Monday 00:00 CET =
			// 23:00Z.
			assertThat(evaluate(sunday, "2026-10-24T22:00:00Z"))
				.isEqualTo(new WindowDecision(false, "Sunday", at("2026-10-25T23:00:00Z"), null));
		}

	}

	@Nested
	class Days {

		@Test
		void theDefaultShowsFridayAndTheWeekendClosedAllDay() {
			List<CalendarDay> days = FreezeCalendar.days(WindowRules.defaultFor(Tier.PRODUCTION, PARIS), NONE,
					LocalDate.of(2026, 11, 26), 14);
			assertThat(days).hasSize(14);
			assertThat(days.get(0).openAllDay()).isTrue();
			assertThat(days.get(1).closed()).singleElement().satisfies((span) -> {
				assertThat(span.label()).isEqualTo("No Friday deploys");
				assertThat(span.kind()).isEqualTo(Closure.Kind.BLOCK);
				assertThat(span.from()).isEqualTo(LocalTime.MIDNIGHT);
				assertThat(span.toMinute()).isEqualTo(1440);
				assertThat(span.start()).isEqualTo(at("2026-11-26T23:00:00Z"));
				assertThat(span.end()).isEqualTo(at("2026-11-27T23:00:00Z"));
			});
			assertThat(days.get(2).closed()).singleElement()
				.satisfies((span) -> assertThat(span.label()).isEqualTo("No weekend deploys"));
			assertThat(days.get(4).openAllDay()).isTrue();
		}

		@Test
		void blocksFreezesAndAllowedHoursAreSpansOfTheirKind() {
			WindowRules rules = rules(PARIS, List.of(block("Lunch", "12:00", "13:00", TUESDAY)),
					List.of(hours("09:00", "17:00", TUESDAY)),
					List.of(freeze("2026-12-01T15:00:00Z", "2026-12-01T15:30:00Z", "Release")));
			CalendarDay tuesday = FreezeCalendar.days(rules, NONE, LocalDate.of(2026, 12, 1), 1).get(0);
			assertThat(tuesday.closed())
				.extracting(ClosedSpan::from, ClosedSpan::to, ClosedSpan::kind, ClosedSpan::label)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple(time("00:00"), time("09:00"),
								Closure.Kind.OUTSIDE_ALLOWED_HOURS, "Outside allowed hours"),
						org.assertj.core.groups.Tuple.tuple(time("12:00"), time("13:00"), Closure.Kind.BLOCK, "Lunch"),
						org.assertj.core.groups.Tuple.tuple(time("16:00"), time("16:30"), Closure.Kind.FREEZE,
								"Release"),
						org.assertj.core.groups.Tuple.tuple(time("17:00"), time("24:00"),
								Closure.Kind.OUTSIDE_ALLOWED_HOURS, "Outside allowed hours"));
		}

		@Test
		void theRepeatedHourInNewYorkIsTwoSpansInWallClockOrder() {
			WindowRules rules = blocks(NEW_YORK, block("Repeated", "01:00", "02:00", SUNDAY));
			CalendarDay day = FreezeCalendar.days(rules, NONE, LocalDate.of(2026, 11, 1), 1).get(0);
			assertThat(day.closed()).extracting(ClosedSpan::from, ClosedSpan::to)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(time("01:00"), time("02:00")),
						org.assertj.core.groups.Tuple.tuple(time("01:00"), time("02:00")));
			assertThat(day.closed()).allSatisfy((span) -> assertThat(span.fromMinute()).isLessThan(span.toMinute()));
		}

		@Test
		void aBlockAcrossTheSkippedHourInParisIsOneSpan() {
			WindowRules rules = blocks(PARIS, block("Night", "01:00", "04:00", SUNDAY));
			CalendarDay day = FreezeCalendar.days(rules, NONE, LocalDate.of(2026, 3, 29), 1).get(0);
			assertThat(day.closed()).singleElement().satisfies((span) -> {
				assertThat(span.from()).isEqualTo(time("01:00"));
				assertThat(span.to()).isEqualTo(time("04:00"));
				assertThat(span.start()).isEqualTo(at("2026-03-29T00:00:00Z"));
				assertThat(span.end()).isEqualTo(at("2026-03-29T02:00:00Z"));
			});
		}

		@Test
		void organizationFreezesAreDrawnToo() {
			CalendarDay day = FreezeCalendar
				.days(WindowRules.open(PARIS),
						List.of(freeze("2026-12-24T00:00:00Z", "2027-01-02T00:00:00Z", "Holiday freeze")),
						LocalDate.of(2026, 12, 24), 1)
				.get(0);
			// 24 December starts at 23 Dec 23:00Z (CET); the freeze starts an hour later.
			assertThat(day.closed()).singleElement().satisfies((span) -> {
				assertThat(span.kind()).isEqualTo(Closure.Kind.ORGANIZATION_FREEZE);
				assertThat(span.from()).isEqualTo(time("01:00"));
				assertThat(span.toMinute()).isEqualTo(1440);
			});
		}

	}

}
