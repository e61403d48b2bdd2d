package app.lockstep.persistence.audit;

import java.util.List;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How audit pages reach the planner: planned for their own values every time (never a
 * prepared statement with a generic plan), and with free text, walked newest first rather
 * than read whole and sorted.
 */
class AuditPagePlansTest {

	private static final AuditHarness harness = new AuditHarness();

	private static OrgId org;

	@BeforeAll
	static void anOrganizationWithThirtyOneEvents() {
		org = harness.newOrganization("plans");
		harness.transactions.inTenant(org, () -> {
			for (int i = 1; i <= 30; i++) {
				harness.auditLog.append(org, Actor.system("test"),
						AuditEntry.of("test.planned", "test", "t" + i)
							.detail("summary", (i % 2 == 0) ? "billing " + i : "shop " + i)
							.build());
			}
			harness.auditLog.append(org, new Actor(Actor.Type.USER, "u-quote", "O'Brien \\ Ltd", null),
					AuditEntry.of("test.quoted", "test", "q").detail("note", "it's 100% _done_ \\ ok").build());
			return null;
		});
	}

	@Test
	void aPageIsNeverAPreparedStatement() {
		AuditFilter filter = new AuditFilter(null, "test.planned", "shop", null, null, null, "billing");
		List<String> prepared = harness.transactions.inTenant(org, () -> {
			for (int i = 0; i < 8; i++) {
				harness.auditLog.page(org, filter, null, 5);
				harness.auditLog.page(org, AuditFilter.NONE, 20L, 5);
			}
			return harness.dsl.fetch("select statement from pg_prepared_statements").getValues(0, String.class);
		});
		assertThat(prepared).noneMatch((statement) -> statement.contains("audit_events"));
	}

	@Test
	void freeTextIsFoundByWalkingNewestFirstEvenWhenThePlannerWouldRatherSort() {
		harness.transactions.inTenant(org, () -> {
			// index reads priced as ruinous: left alone, the planner reads the table and
			// sorts
			harness.dsl.execute("set local random_page_cost = 1000000");
			long before = sequentialScans();
			harness.auditLog.page(org, new AuditFilter(null, "test", null, null, null, null, null), null, 5);
			assertThat(sequentialScans()).as("the trap is set").isGreaterThan(before);

			before = sequentialScans();
			assertThat(
					harness.auditLog.page(org, new AuditFilter(null, null, null, null, null, null, "billing"), null, 5))
				.hasSize(5);
			assertThat(sequentialScans()).isEqualTo(before);
			return null;
		});
	}

	/**
	 * A kind of action ("test") matches every action of that kind and nothing else: the
	 * organization's actions are named in the statement (a LIKE prefix cannot use the
	 * action index), and a kind never recorded matches nothing.
	 */
	@Test
	void aKindOfActionMatchesEachOfItsActionsAndNoOther() {
		List<String> found = harness.transactions.inTenant(org,
				() -> harness.auditLog.page(org, new AuditFilter(null, "test", null, null, null, null, null), null, 50)
					.stream()
					.map((event) -> event.action())
					.distinct()
					.sorted()
					.toList());
		assertThat(found).containsExactly("test.planned", "test.quoted");
		assertThat(harness.transactions.inTenant(org,
				() -> harness.auditLog.page(org, new AuditFilter(null, "tes", null, null, null, null, null), null, 50)))
			.isEmpty();
		assertThat(
				harness.transactions
					.inTenant(org,
							() -> harness.auditLog.page(org,
									new AuditFilter(null, "freeze", null, null, null, null, null), null, 50)))
			.isEmpty();
		assertThat(harness.transactions.inTenant(org,
				() -> harness.auditLog.page(org, new AuditFilter(null, "test", null, null, null, null, null), 31L, 50)))
			.hasSize(30);
	}

	@Test
	void valuesInlinedIntoAPageAreQuotedNotRun() {
		List<String> found = harness.transactions.inTenant(org, () -> List.of(
				harness.auditLog.page(org, text("it's 100% _done_ \\"), null, 5).size() + " by text",
				harness.auditLog.page(org, new AuditFilter("o'brien \\", null, null, null, null, null, null), null, 5)
					.size() + " by actor",
				harness.auditLog.page(org, text("x' or '1'='1"), null, 5).size() + " injected",
				harness.auditLog.page(org, text("100%_"), null, 5).size() + " wildcards"));
		assertThat(found).containsExactly("1 by text", "1 by actor", "0 injected", "0 wildcards");
	}

	private static AuditFilter text(String text) {
		return new AuditFilter(null, null, null, null, null, null, text);
	}

	/** Sequential scans of the audit table in this transaction. */
	private static long sequentialScans() {
		Object count = harness.dsl
			.fetchValue("select seq_scan from pg_stat_xact_user_tables where relname = 'audit_events'");
		return ((Number) count).longValue();
	}

}
