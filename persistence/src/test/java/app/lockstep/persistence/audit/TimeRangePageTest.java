package app.lockstep.persistence.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of a time range answers the same events newest first, by sequence, whether the
 * range is narrow enough to be read whole through the time index and then ordered, or
 * wide enough to be left to the planner.
 */
class TimeRangePageTest {

	private static final Instant START = Instant.parse("2031-05-01T00:00:00Z");

	/** One event a minute. */
	private static final AuditHarness harness = new AuditHarness(new Clock() {

		private int calls;

		@Override
		public synchronized Instant instant() {
			return START.plus(Duration.ofMinutes(this.calls++));
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	});

	private static OrgId org;

	private static final List<AuditEvent> all = new ArrayList<>();

	@BeforeAll
	static void anOrganizationWithFortyEventsOneMinuteApart() {
		org = harness.newOrganization("range");
		for (int i = 1; i <= 40; i++) {
			int n = i;
			harness.transactions.inTenant(org, () -> {
				harness.auditLog.append(org, Actor.system("test"),
						AuditEntry.of((n % 3 == 0) ? "test.third" : "test.other", "test", "t" + n).build());
				return null;
			});
		}
		all.addAll(harness.transactions.inTenant(org, () -> harness.auditLog.page(org, AuditFilter.NONE, null, 100)));
		assertThat(all).hasSize(40);
	}

	@ParameterizedTest(name = "ranges of up to {0} events are read through the time index")
	@ValueSource(ints = { 0, 3, 1000 })
	void pagesOfATimeRangeAreTheNewestMatchesBySequence(int narrowRange) {
		JooqAuditLog log = new JooqAuditLog(harness.dsl, Clock.systemUTC(), JooqAuditLog.SCAN_CHUNK, narrowRange);
		Instant from = START.plus(Duration.ofMinutes(10));
		Instant to = START.plus(Duration.ofMinutes(30));
		assertThat(page(log, filter(null, from, to), null, 50)).isEqualTo(expected(null, from, to, null, 50));
		assertThat(page(log, filter(null, from, to), 25L, 4)).isEqualTo(expected(null, from, to, 25L, 4));
		assertThat(page(log, filter("test.third", from, null), null, 50))
			.isEqualTo(expected("test.third", from, null, null, 50));
		assertThat(page(log, filter(null, null, to), 5L, 50)).isEqualTo(expected(null, null, to, 5L, 50));
		assertThat(page(log, filter(null, to, to.plusSeconds(1)), null, 50))
			.isEqualTo(expected(null, to, to.plusSeconds(1), null, 50));
		assertThat(page(log, filter(null, START.minus(Duration.ofDays(1)), START), null, 50)).isEmpty();
	}

	private static AuditFilter filter(@Nullable String action, @Nullable Instant from, @Nullable Instant to) {
		return new AuditFilter(null, action, null, null, from, to, null);
	}

	private static List<AuditEvent> page(JooqAuditLog log, AuditFilter filter, @Nullable Long before, int limit) {
		return harness.transactions.inTenant(org, () -> log.page(org, filter, before, limit));
	}

	private static List<AuditEvent> expected(@Nullable String action, @Nullable Instant from, @Nullable Instant to,
			@Nullable Long before, int limit) {
		return all.stream()
			.filter((event) -> action == null || event.action().equals(action))
			.filter((event) -> from == null || !event.at().isBefore(from))
			.filter((event) -> to == null || event.at().isBefore(to))
			.filter((event) -> before == null || event.seq() < before)
			.limit(limit)
			.toList();
	}

}
