package app.lockstep.persistence.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.audit.ChainHead;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streamed scan reads the chain in COPY chunks (here of 7 rows): every event once, in
 * order, as the paged query reads it; a visitor that stops leaves the connection usable
 * in the same transaction.
 */
class AuditScanTest {

	private static final AuditHarness harness = new AuditHarness();

	private static final JooqAuditLog chunked = new JooqAuditLog(harness.dsl, Clock.systemUTC(), 7,
			JooqAuditLog.NARROW_RANGE);

	private static OrgId org;

	@BeforeAll
	static void anOrganizationWithTwentyFiveEvents() {
		org = harness.newOrganization("scan");
		harness.transactions.inTenant(org, () -> {
			for (int i = 1; i <= 25; i++) {
				harness.auditLog.append(org,
						new Actor(Actor.Type.USER, (i % 3 == 0) ? null : "u" + i, "Näme\t" + i,
								(i % 2 == 0) ? null : "::1"),
						AuditEntry.of((i % 5 == 0) ? "test.fifth" : "test.other", "test", "t\\" + i)
							.detail("text", "line\nbreak \"" + i + "\"")
							.detail("n", i)
							.build());
			}
			return null;
		});
	}

	@Test
	void everyEventIsReadOnceInOrderAcrossChunks() {
		List<AuditEvent> paged = harness.transactions.inTenant(org,
				() -> harness.auditLog.page(org, AuditFilter.NONE, null, 100));
		List<AuditEvent> scanned = scan(AuditFilter.NONE, Long.MAX_VALUE);
		assertThat(scanned).hasSize(25).isEqualTo(paged.reversed());
	}

	@Test
	void aFilterAndAnUpperBoundApplyInEveryChunk() {
		AuditFilter fifth = new AuditFilter(null, "test.fifth", null, null, null, null, null);
		assertThat(scan(fifth, 20)).extracting(AuditEvent::seq).containsExactly(5L, 10L, 15L, 20L);
		assertThat(scan(AuditFilter.NONE, 14)).hasSize(14);
	}

	@Test
	void aVisitorThatStopsMidChunkLeavesTheTransactionUsable() {
		List<AuditEvent> seen = new ArrayList<>();
		ChainHead head = harness.transactions.inTenant(org, () -> {
			chunked.scan(org, AuditFilter.NONE, Long.MAX_VALUE, (event) -> seen.add(event) && event.seq() < 10);
			return chunked.head(org);
		});
		assertThat(seen).extracting(AuditEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
		assertThat(head.seq()).isEqualTo(25);
	}

	@Test
	void aVisitorThatFailsGetsItsExceptionBackAndTheConnectionStaysUsable() {
		assertThatThrownBy(() -> harness.transactions.inTenant(org, () -> {
			chunked.scan(org, AuditFilter.NONE, Long.MAX_VALUE, (event) -> {
				if (event.seq() == 12) {
					throw new IllegalStateException("client went away");
				}
				return true;
			});
			return null;
		})).hasMessage("client went away");
		for (int i = 0; i < 20; i++) {
			assertThat(scan(AuditFilter.NONE, Long.MAX_VALUE)).hasSize(25);
		}
	}

	@Test
	void aFailingQueryIsReportedToTheCaller() {
		// LIMIT -1 is refused by the server
		assertThatThrownBy(() -> harness.transactions.inTenant(org, () -> {
			new JooqAuditLog(harness.dsl, Clock.systemUTC(), -1, JooqAuditLog.NARROW_RANGE).scan(org, AuditFilter.NONE,
					Long.MAX_VALUE, (event) -> true);
			return null;
		})).hasMessageContaining("Reading the audit trail failed");
	}

	@Test
	void chunksWalkTheIndexInSequenceOrderEvenWhenThePlannerWouldRatherSort() {
		harness.transactions.inTenant(org, () -> {
			// index reads priced as ruinous: left alone, the planner reads the table and
			// sorts
			harness.dsl.execute("set local random_page_cost = 1000000");
			AuditQueries queries = new AuditQueries(harness.dsl);
			AuditScanner scanner = new AuditScanner(harness.dsl, queries, 7);
			String chunk = scanner
				.chunkAfter(Objects.requireNonNull(scanner.scanned(org, AuditFilter.NONE, Long.MAX_VALUE)), 0);
			assertThat(plan(chunk)).contains("Sort");
			assertThat(queries.inSequenceOrder(() -> plan(chunk))).doesNotContain("Sort").contains("Index Scan");
			assertThat(plan(chunk)).as("the planner is free again after the scan").contains("Sort");
			return null;
		});
	}

	@Test
	void aTimeRangeIsReadOnlyWhereItHasEvents() {
		List<AuditEvent> all = scan(AuditFilter.NONE, Long.MAX_VALUE);
		Instant from = all.getFirst().at();
		Instant last = all.getLast().at();
		assertThat(scan(new AuditFilter(null, null, null, null, from, last.plusMillis(1), null), Long.MAX_VALUE))
			.isEqualTo(all);
		assertThat(scan(new AuditFilter(null, null, null, null, last.plus(Duration.ofDays(1)),
				last.plus(Duration.ofDays(2)), null), Long.MAX_VALUE))
			.isEmpty();
		assertThat(scan(new AuditFilter(null, "test.fifth", null, null, from, last.plusMillis(1), null), 20))
			.extracting(AuditEvent::seq)
			.containsExactly(5L, 10L, 15L, 20L);
	}

	private static String plan(String query) {
		return String.join("\n", harness.dsl.fetch("explain " + query).getValues(0, String.class));
	}

	private static List<AuditEvent> scan(AuditFilter filter, long upTo) {
		List<AuditEvent> events = new ArrayList<>();
		harness.transactions.inTenant(org, () -> {
			chunked.scan(org, filter, upTo, events::add);
			return null;
		});
		return events;
	}

}
