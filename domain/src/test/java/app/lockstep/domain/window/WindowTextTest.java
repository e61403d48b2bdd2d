package app.lockstep.domain.window;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import app.lockstep.domain.project.Tier;
import org.junit.jupiter.api.Test;

import static app.lockstep.domain.window.WindowFixtures.NEW_YORK;
import static app.lockstep.domain.window.WindowFixtures.PARIS;
import static app.lockstep.domain.window.WindowFixtures.at;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class WindowTextTest {

	@Test
	void blockedSaysUntilWhenOnTheEnvironmentsClockAndWhy() {
		WindowDecision decision = FreezeCalendar.evaluate(WindowRules.defaultFor(Tier.PRODUCTION, PARIS),
				java.util.List.of(), at("2026-11-27T10:00:00Z"));
		assertThat(WindowText.describe(decision, PARIS, Locale.ENGLISH))
			.isEqualTo("Blocked until Mon 00:00 CET: No Friday deploys");
	}

	@Test
	void openSaysUntilWhen() {
		WindowDecision decision = FreezeCalendar.evaluate(WindowRules.defaultFor(Tier.PRODUCTION, PARIS),
				java.util.List.of(), at("2026-11-24T10:00:00Z"));
		assertThat(WindowText.describe(decision, PARIS, Locale.ENGLISH)).isEqualTo("Open until Fri 00:00 CET");
	}

	@Test
	void theZonesShortNameIsTheOneInForceAtThatInstant() {
		assertThat(WindowText.describe(WindowDecision.openAt(at("2026-07-01T10:00:00Z"), at("2026-07-02T22:00:00Z")),
				PARIS, Locale.ENGLISH))
			.isEqualTo("Open until Fri 00:00 CEST");
		assertThat(WindowText.describe(WindowDecision.blocked("Repeated", at("2026-11-01T07:00:00Z")), NEW_YORK,
				Locale.ENGLISH))
			.isEqualTo("Blocked until Sun 02:00 EST: Repeated");
		assertThat(WindowText.describe(WindowDecision.blocked("Late", at("2026-11-01T05:30:00Z")), NEW_YORK,
				Locale.ENGLISH))
			.isEqualTo("Blocked until Sun 01:30 EDT: Late");
	}

	@Test
	void aTimeSixDaysOrMoreAwayAlsoNamesItsDateAndFromThreeHundredDaysItsYear() {
		WindowDecision holidays = WindowDecision.blocked("Holiday freeze", at("2027-01-02T00:00:00Z"));
		assertThat(WindowText.describe(holidays, PARIS, Locale.ENGLISH, at("2026-12-24T10:00:00Z")))
			.isEqualTo("Blocked until Sat 2 Jan 01:00 CET: Holiday freeze");
		assertThat(WindowText.describe(holidays, PARIS, Locale.ENGLISH, at("2027-01-01T10:00:00Z")))
			.isEqualTo("Blocked until Sat 01:00 CET: Holiday freeze");
		assertThat(WindowText.describe(holidays, PARIS, Locale.ENGLISH, at("2026-01-01T10:00:00Z")))
			.isEqualTo("Blocked until Sat 2 Jan 2027 01:00 CET: Holiday freeze");
	}

	@Test
	void neverClosingAndNeverOpeningAreSaidPlainly() {
		assertThat(WindowText.describe(WindowDecision.openAt(at("2026-01-01T00:00:00Z"), null), PARIS, Locale.ENGLISH))
			.isEqualTo("Open: no block or freeze ahead");
		assertThat(WindowText.describe(WindowDecision.blocked("Frozen for good", null), PARIS, Locale.ENGLISH))
			.isEqualTo("Blocked: Frozen for good; no open time in the next 400 days");
	}

	@Test
	void theRuleNamedBesideUntilIsTheOneHoldingTheWindowThenNotAFreezeThatEndsBefore() {
		// The freeze ends Thursday 24 December 2026, 18:00 CET; then only weekday office
		// hours are allowed, and Friday is blocked: nothing opens before Monday 09:00
		// CET.
		WindowRules rules = WindowFixtures.rules(PARIS,
				List.of(WindowFixtures.block("No Friday deploys", "00:00", "24:00", FRIDAY)),
				List.of(WindowFixtures.hours("09:00", "17:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)),
				List.of(WindowFixtures.freeze("2026-12-21T23:00:00Z", "2026-12-24T17:00:00Z",
						"Year-end launch freeze")));
		Instant wednesday = at("2026-12-23T09:00:00Z");
		WindowDecision decision = FreezeCalendar.evaluate(rules, List.of(), wednesday);
		assertThat(decision.blockedBy()).isEqualTo("Year-end launch freeze");
		assertThat(decision.nextOpenAt()).isEqualTo(at("2026-12-28T08:00:00Z"));
		assertThat(decision.holdingRule()).isEqualTo(Closure.OUTSIDE_ALLOWED_HOURS);
		assertThat(WindowText.describe(decision, PARIS, Locale.ENGLISH, wednesday))
			.isEqualTo("Blocked until Mon 09:00 CET: Outside allowed hours (after Year-end launch freeze)");
		// While one rule holds it all along, it is named once.
		WindowDecision saturday = FreezeCalendar.evaluate(rules, List.of(), at("2026-12-26T09:00:00Z"));
		assertThat(WindowText.describe(saturday, PARIS, Locale.ENGLISH, at("2026-12-26T09:00:00Z")))
			.isEqualTo("Blocked until Mon 09:00 CET: Outside allowed hours");
	}

}
