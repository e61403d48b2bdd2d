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
	static void anOrganizationWithThirtyEvents() {
		org = harness.newOrganization("plans");
		harness.transactions.inTenant(org, () -> {
			for (int i = 1; i <= 30; i++) {
				harness.auditLog.append(org, Actor.system("test"),
						AuditEntry.of("test.planned", "test", "t" + i)
							.detail("summary", (i % 2 == 0) ? "billing " + i : "shop " + i)
							.build());
			}
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

	/** Sequential scans of the audit table in this transaction. */
	private static long sequentialScans() {
		Object count = harness.dsl
			.fetchValue("select seq_scan from pg_stat_xact_user_tables where relname = 'audit_events'");
		return ((Number) count).longValue();
	}

}
