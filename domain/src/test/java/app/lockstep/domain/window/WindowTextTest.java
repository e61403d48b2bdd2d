package app.lockstep.domain.window;

import java.util.Locale;

import app.lockstep.domain.project.Tier;
import org.junit.jupiter.api.Test;

import static app.lockstep.domain.window.WindowFixtures.NEW_YORK;
import static app.lockstep.domain.window.WindowFixtures.PARIS;
import static app.lockstep.domain.window.WindowFixtures.at;
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

}
