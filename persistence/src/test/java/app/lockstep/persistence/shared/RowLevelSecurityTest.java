package app.lockstep.persistence.shared;

import java.time.Clock;
import app.lockstep.domain.project.ProjectId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static app.lockstep.persistence.jooq.Tables.ORGANIZATIONS;
import static app.lockstep.persistence.jooq.Tables.PROJECTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The runtime role sees no tenant row without a binding, and only the bound
 * organization's rows with one.
 */
class RowLevelSecurityTest {

	private static final OrgId ALPHA = OrgId.random();

	private static final OrgId BETA = OrgId.random();

	private static DSLContext app;

	@BeforeAll
	static void twoOrganizationsWithAProjectEach() {
		app = DSL.using(TestDatabase.get().appDataSource(), SQLDialect.POSTGRES);
		for (OrgId org : List.of(ALPHA, BETA)) {
			app.transaction((tx) -> {
				DSLContext dsl = tx.dsl();
				bind(dsl, org);
				dsl.insertInto(ORGANIZATIONS)
					.set(ORGANIZATIONS.ID, org)
					.set(ORGANIZATIONS.SLUG, "rls-" + org.value().toString().substring(0, 8))
					.set(ORGANIZATIONS.NAME, "RLS " + org)
					.set(ORGANIZATIONS.TIME_ZONE, "UTC")
					.set(ORGANIZATIONS.CREATED_AT, Instant.now(Clock.systemUTC()))
					.execute();
				dsl.insertInto(PROJECTS)
					.set(PROJECTS.ORG_ID, org)
					.set(PROJECTS.ID, new ProjectId(UUID.randomUUID()))
					.set(PROJECTS.SLUG, "shop")
					.set(PROJECTS.NAME, "Shop of " + org)
					.set(PROJECTS.CREATED_AT, Instant.EPOCH)
					.set(PROJECTS.UPDATED_AT, Instant.EPOCH)
					.execute();
			});
		}
		assertThat(ZoneId.of("UTC")).isNotNull();
	}

	@Test
	void withoutABindingTheRuntimeRoleSeesNoTenantRow() {
		List<OrgId> projectOrgs = app.transactionResult((tx) -> tx.dsl()
			.select(PROJECTS.ORG_ID)
			.from(PROJECTS)
			.where(PROJECTS.ORG_ID.in(ALPHA, BETA))
			.fetch(PROJECTS.ORG_ID));
		int organizations = app.transactionResult((tx) -> tx.dsl().fetchCount(ORGANIZATIONS));
		assertThat(projectOrgs).isEmpty();
		assertThat(organizations).isZero();
	}

	@Test
	void withABindingAQueryThatForgotItsOrgPredicateSeesOnlyThatOrganization() {
		List<OrgId> seen = app.transactionResult((tx) -> {
			bind(tx.dsl(), BETA);
			return tx.dsl().select(PROJECTS.ORG_ID).from(PROJECTS).fetch(PROJECTS.ORG_ID);
		});
		assertThat(seen).containsOnly(BETA).hasSize(1);
	}

	@Test
	void writingIntoAnotherOrganizationIsRefused() {
		assertThatThrownBy(() -> app.transaction((tx) -> {
			bind(tx.dsl(), ALPHA);
			tx.dsl()
				.insertInto(PROJECTS)
				.set(PROJECTS.ORG_ID, BETA)
				.set(PROJECTS.ID, new ProjectId(UUID.randomUUID()))
				.set(PROJECTS.SLUG, "sneaky")
				.set(PROJECTS.NAME, "Sneaky")
				.set(PROJECTS.CREATED_AT, Instant.EPOCH)
				.set(PROJECTS.UPDATED_AT, Instant.EPOCH)
				.execute();
		})).hasMessageContaining("row-level security");
	}

	@Test
	void theRuntimeRoleIsAcceptedAndASuperuserIsRefused() {
		assertThat(RuntimeRoleGuard.problems(app)).isEmpty();
		DSLContext superuser = DSL.using(TestDatabase.get().superuserDataSource(), SQLDialect.POSTGRES);
		assertThatThrownBy(() -> RuntimeRoleGuard.check(superuser)).hasMessageContaining("superuser");
		DSLContext owner = DSL.using(TestDatabase.get().ownerDataSource(), SQLDialect.POSTGRES);
		assertThatThrownBy(() -> RuntimeRoleGuard.check(owner)).hasMessageContaining("owns");
	}

	private static void bind(DSLContext dsl, OrgId org) {
		dsl.select(DSL.function("set_config", String.class, DSL.val("lockstep.org_id"), DSL.val(org.toString()),
				DSL.inline(true)))
			.fetch();
	}

}
