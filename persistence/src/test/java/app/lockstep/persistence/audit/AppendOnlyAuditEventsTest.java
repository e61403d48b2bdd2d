package app.lockstep.persistence.audit;

import java.util.List;
import java.util.function.Consumer;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static app.lockstep.persistence.jooq.Tables.AUDIT_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Audit events are append-only in the database itself: the runtime role may only insert
 * and read them, and a trigger refuses UPDATE, DELETE and TRUNCATE to everyone else, the
 * table's owner and a superuser included.
 */
class AppendOnlyAuditEventsTest {

	private static final AuditHarness harness = new AuditHarness();

	private static OrgId org;

	@BeforeAll
	static void anOrganizationWithTwoEvents() {
		org = harness.newOrganization("append-only");
		harness.append(org, "test.first");
		harness.append(org, "test.second");
	}

	@Test
	void theRuntimeRoleHoldsInsertAndSelectOnlyOnTheAuditTable() {
		DSLContext app = DSL.using(TestDatabase.get().appDataSource(), SQLDialect.POSTGRES);
		List<String> granted = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
			.stream()
			.filter((privilege) -> Boolean.TRUE.equals(app.fetchValue(
					"select has_table_privilege(current_user, 'lockstep.audit_events', {0})", DSL.val(privilege))))
			.toList();
		assertThat(granted).containsExactly("SELECT", "INSERT");
	}

	@ParameterizedTest
	@ValueSource(strings = { "update", "delete", "truncate" })
	void theRuntimeRoleIsRefused(String statement) {
		assertRefused(harness.dsl, statement, "permission denied");
	}

	@ParameterizedTest
	@ValueSource(strings = { "update", "delete", "truncate" })
	void theTableOwnerIsRefusedByTheTrigger(String statement) {
		assertRefused(AuditHarness.owner(), statement, "audit events are append-only (" + statement.toUpperCase());
	}

	@ParameterizedTest
	@ValueSource(strings = { "update", "delete", "truncate" })
	void aSuperuserIsRefusedByTheTriggerToo(String statement) {
		assertRefused(AuditHarness.superuser(), statement, "audit events are append-only (" + statement.toUpperCase());
	}

	@Test
	void appendingStillWorksForTheRuntimeRole() {
		harness.append(org, "test.third");
		assertThat(actions(AuditHarness.owner())).containsExactly("test.first", "test.second", "test.third");
	}

	private static void assertRefused(DSLContext dsl, String statement, String message) {
		List<String> before = actions(dsl);
		assertThat(before).as("the rows are visible, so a refusal is not just RLS hiding them").isNotEmpty();
		Consumer<DSLContext> tamper = switch (statement) {
			case "update" -> (tx) -> tx.update(AUDIT_EVENTS)
				.set(AUDIT_EVENTS.ACTION, "test.rewritten")
				.where(AUDIT_EVENTS.ORG_ID.eq(org))
				.execute();
			case "delete" -> (tx) -> tx.deleteFrom(AUDIT_EVENTS).where(AUDIT_EVENTS.ORG_ID.eq(org)).execute();
			default -> (tx) -> tx.truncate(AUDIT_EVENTS).execute();
		};
		assertThatThrownBy(() -> dsl.transaction((configuration) -> {
			AuditHarness.bind(configuration.dsl(), org);
			tamper.accept(configuration.dsl());
		})).isInstanceOf(DataAccessException.class).hasMessageContaining(message);
		assertThat(actions(dsl)).isEqualTo(before);
	}

	private static List<String> actions(DSLContext dsl) {
		return dsl.transactionResult((configuration) -> {
			AuditHarness.bind(configuration.dsl(), org);
			return configuration.dsl()
				.select(AUDIT_EVENTS.ACTION)
				.from(AUDIT_EVENTS)
				.where(AUDIT_EVENTS.ORG_ID.eq(org))
				.orderBy(AUDIT_EVENTS.SEQ)
				.fetch(AUDIT_EVENTS.ACTION);
		});
	}

}
