package app.lockstep.domain.deploy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChangeReportPeriodTest {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	// Tuesday 2026-03-03, 00:30 in Paris: still Monday in UTC.
	static final Instant NOW = Instant.parse("2026-03-02T23:30:00Z");

	@Test
	void theDefaultIsTheLast30DaysOfProductionInTheOrganizationsZone() {
		ChangeReport.Period period = ChangeReport.Period.parse(null, " ", null, PARIS, NOW);
		assertThat(period.toDate()).isEqualTo(LocalDate.of(2026, 3, 3));
		assertThat(period.fromDate()).isEqualTo(LocalDate.of(2026, 2, 2));
		assertThat(period.tier()).isEqualTo(Tier.PRODUCTION);
		assertThat(period.from()).isEqualTo(Instant.parse("2026-02-01T23:00:00Z"));
		assertThat(period.to()).isEqualTo(Instant.parse("2026-03-03T23:00:00Z"));
	}

	@Test
	void datesAreInclusiveAndAcrossDaylightSavingTheDayKeepsItsLocalBounds() {
		ChangeReport.Period period = ChangeReport.Period.parse("2026-03-29", "2026-03-29", "all", PARIS, NOW);
		assertThat(period.tier()).isNull();
		assertThat(period.tierValue()).isEqualTo("ALL");
		assertThat(period.from()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
		assertThat(period.to()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
	}

	@Test
	void aPeriodOf366DaysIsAllowedOneMoreIsNot() {
		assertThat(ChangeReport.Period.parse("2024-01-01", "2024-12-31", "STAGING", PARIS, NOW).tier())
			.isEqualTo(Tier.STAGING);
		assertThat(fields("2024-01-01", "2025-01-01", null)).containsExactly("to");
	}

	@Test
	void badInputIsRefusedWithItsField() {
		assertThat(fields("2026-03-02", "2026-03-01", null)).containsExactly("from");
		assertThat(fields("yesterday", "2026-13-01", "prod")).containsExactlyInAnyOrder("from", "to", "tier");
	}

	private static java.util.List<String> fields(String from, String to, String tier) {
		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> ChangeReport.Period.parse(from, to, tier, PARIS, NOW));
		assertThat(ex).isNotNull();
		return ex.errors().stream().map(FieldError::field).toList();
	}

}
