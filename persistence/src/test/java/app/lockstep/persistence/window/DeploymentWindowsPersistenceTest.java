package app.lockstep.persistence.window;

import java.time.DayOfWeek;
import app.lockstep.domain.project.ProjectId;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.window.AllowedHours;
import app.lockstep.domain.window.Block;
import app.lockstep.domain.window.Freeze;
import app.lockstep.domain.window.FreezeId;
import app.lockstep.domain.window.OrganizationFreeze;
import app.lockstep.domain.window.SavedWindows;
import app.lockstep.domain.window.WindowRules;
import app.lockstep.persistence.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static app.lockstep.persistence.jooq.Tables.ENVIRONMENTS;
import static app.lockstep.persistence.jooq.Tables.ENVIRONMENT_WINDOWS;
import static app.lockstep.persistence.jooq.Tables.ORGANIZATIONS;
import static app.lockstep.persistence.jooq.Tables.ORGANIZATION_FREEZES;
import static app.lockstep.persistence.jooq.Tables.PROJECTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Window rules and organization freezes read back exactly as saved, as the runtime role,
 * and row-level security keeps each organization's to itself.
 */
class DeploymentWindowsPersistenceTest {

	private static final OrgId ALPHA = OrgId.random();

	private static final OrgId BETA = OrgId.random();

	private static final EnvironmentId ALPHA_PRODUCTION = EnvironmentId.random();

	private static final EnvironmentId BETA_PRODUCTION = EnvironmentId.random();

	private static final UserId USER = UserId.random();

	private static final WindowRules RULES = new WindowRules(ZoneId.of("America/New_York"),
			List.of(new Block("No Friday deploys", Set.of(DayOfWeek.FRIDAY), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
					new Block("Lunch", Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), LocalTime.of(12, 0),
							LocalTime.of(13, 30))),
			List.of(new AllowedHours(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 0))),
			List.of(new Freeze(Instant.parse("2026-12-24T00:00:00Z"), Instant.parse("2027-01-02T00:00:00Z"),
					"Holiday freeze")));

	private static DSLContext app;

	@BeforeAll
	static void twoOrganizationsWithAProductionEach() {
		app = DSL.using(TestDatabase.get().appDataSource(), SQLDialect.POSTGRES);
		for (OrgId org : List.of(ALPHA, BETA)) {
			app.transaction((tx) -> {
				DSLContext dsl = tx.dsl();
				bind(dsl, org);
				UUID project = UUID.randomUUID();
				dsl.insertInto(ORGANIZATIONS)
					.set(ORGANIZATIONS.ID, org)
					.set(ORGANIZATIONS.SLUG, "win-" + org.value().toString().substring(0, 8))
					.set(ORGANIZATIONS.NAME, "Windows " + org)
					.set(ORGANIZATIONS.TIME_ZONE, "UTC")
					.set(ORGANIZATIONS.CREATED_AT, Instant.EPOCH)
					.execute();
				dsl.insertInto(PROJECTS)
					.set(PROJECTS.ORG_ID, org)
					.set(PROJECTS.ID, new ProjectId(project))
					.set(PROJECTS.SLUG, "shop")
					.set(PROJECTS.NAME, "Shop")
					.set(PROJECTS.CREATED_AT, Instant.EPOCH)
					.set(PROJECTS.UPDATED_AT, Instant.EPOCH)
					.execute();
				dsl.insertInto(ENVIRONMENTS)
					.set(ENVIRONMENTS.ORG_ID, org)
					.set(ENVIRONMENTS.ID, (org == ALPHA) ? ALPHA_PRODUCTION : BETA_PRODUCTION)
					.set(ENVIRONMENTS.PROJECT_ID, new ProjectId(project))
					.set(ENVIRONMENTS.NAME, "production")
					.set(ENVIRONMENTS.TIER, "PRODUCTION")
					.set(ENVIRONMENTS.POSITION, 1)
					.set(ENVIRONMENTS.TIME_ZONE, "Europe/Paris")
					.set(ENVIRONMENTS.CREATED_AT, Instant.EPOCH)
					.set(ENVIRONMENTS.UPDATED_AT, Instant.EPOCH)
					.execute();
				JooqDeploymentWindows windows = new JooqDeploymentWindows(dsl);
				windows.save(org, (org == ALPHA) ? ALPHA_PRODUCTION : BETA_PRODUCTION, RULES, USER, "Olivia",
						Instant.parse("2026-01-01T00:00:00Z"));
				windows.addOrganizationFreeze(org,
						new OrganizationFreeze(
								FreezeId.random(), new Freeze(Instant.parse("2026-12-24T00:00:00Z"),
										Instant.parse("2027-01-02T00:00:00Z"), "Year end " + org),
								"Olivia", Instant.parse("2026-01-01T00:00:00Z")),
						USER);
			});
		}
	}

	@Test
	void rulesReadBackExactlyAsSavedAndSavingAgainReplacesThem() {
		SavedWindows saved = inAlpha((windows) -> windows.find(ALPHA, ALPHA_PRODUCTION).orElseThrow());
		assertThat(saved.rules()).isEqualTo(RULES);
		assertThat(saved.updatedBy()).isEqualTo("Olivia");
		WindowRules open = WindowRules.open(ZoneId.of("Asia/Tokyo"));
		inAlpha((windows) -> {
			windows.save(ALPHA, ALPHA_PRODUCTION, open, USER, "Olivia", Instant.parse("2026-02-01T00:00:00Z"));
			return null;
		});
		SavedWindows replaced = inAlpha((windows) -> windows.find(ALPHA, ALPHA_PRODUCTION).orElseThrow());
		assertThat(replaced).isEqualTo(new SavedWindows(open, Instant.parse("2026-02-01T00:00:00Z"), "Olivia"));
		inAlpha((windows) -> {
			windows.save(ALPHA, ALPHA_PRODUCTION, RULES, USER, "Olivia", Instant.parse("2026-01-01T00:00:00Z"));
			return null;
		});
	}

	@Test
	void savedRulesOfManyEnvironmentsAreReadAtOnceAsOneByOne() {
		EnvironmentId neverSaved = EnvironmentId.random();
		var all = inAlpha((windows) -> windows.findAll(ALPHA, List.of(ALPHA_PRODUCTION, neverSaved, BETA_PRODUCTION)));
		SavedWindows alone = inAlpha((windows) -> windows.find(ALPHA, ALPHA_PRODUCTION).orElseThrow());
		assertThat(all).containsOnlyKeys(ALPHA_PRODUCTION).containsEntry(ALPHA_PRODUCTION, alone);
		java.util.Map<EnvironmentId, SavedWindows> none = inAlpha((windows) -> windows.findAll(ALPHA, List.of()));
		assertThat(none).isEmpty();
	}

	@Test
	void anotherOrganizationsRulesAndFreezesAreInvisible() {
		java.util.Optional<SavedWindows> other = inAlpha((windows) -> windows.find(BETA, BETA_PRODUCTION));
		List<OrganizationFreeze> otherFreezes = inAlpha((windows) -> windows.organizationFreezes(BETA));
		assertThat(other).isEmpty();
		assertThat(otherFreezes).isEmpty();
		List<OrgId> seen = app.transactionResult((tx) -> {
			bind(tx.dsl(), ALPHA);
			List<OrgId> orgs = new java.util.ArrayList<>(tx.dsl()
				.select(ORGANIZATION_FREEZES.ORG_ID)
				.from(ORGANIZATION_FREEZES)
				.fetch(ORGANIZATION_FREEZES.ORG_ID));
			orgs.addAll(tx.dsl()
				.select(ENVIRONMENT_WINDOWS.ORG_ID)
				.from(ENVIRONMENT_WINDOWS)
				.fetch(ENVIRONMENT_WINDOWS.ORG_ID));
			return orgs;
		});
		assertThat(seen).isNotEmpty().containsOnly(ALPHA);
		int unbound = app.transactionResult(
				(tx) -> tx.dsl().fetchCount(ORGANIZATION_FREEZES) + tx.dsl().fetchCount(ENVIRONMENT_WINDOWS));
		assertThat(unbound).isZero();
	}

	@Test
	void freezesAreAddedListedAndRemovedWithWhatTheyWere() {
		OrganizationFreeze added = new OrganizationFreeze(FreezeId.random(),
				new Freeze(Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-05-02T00:00:00Z"), "May day"),
				"Olivia", Instant.parse("2026-04-01T00:00:00Z"));
		inAlpha((windows) -> {
			windows.addOrganizationFreeze(ALPHA, added, USER);
			return null;
		});
		List<OrganizationFreeze> listed = inAlpha((windows) -> windows.organizationFreezes(ALPHA));
		assertThat(listed).first().isEqualTo(added);
		java.util.Optional<OrganizationFreeze> found = inAlpha(
				(windows) -> windows.findOrganizationFreeze(ALPHA, added.id()));
		assertThat(found).contains(added);
		java.util.Optional<OrganizationFreeze> notTheirs = inAlpha(
				(windows) -> windows.removeOrganizationFreeze(BETA, added.id()));
		assertThat(notTheirs).isEmpty();
		java.util.Optional<OrganizationFreeze> removed = inAlpha(
				(windows) -> windows.removeOrganizationFreeze(ALPHA, added.id()));
		assertThat(removed).contains(added);
		java.util.Optional<OrganizationFreeze> gone = inAlpha(
				(windows) -> windows.findOrganizationFreeze(ALPHA, added.id()));
		assertThat(gone).isEmpty();
	}

	@Test
	void writingIntoAnotherOrganizationIsRefused() {
		assertThatThrownBy(() -> inAlpha((windows) -> {
			windows.addOrganizationFreeze(BETA, new OrganizationFreeze(FreezeId.random(),
					new Freeze(Instant.EPOCH, Instant.EPOCH.plusSeconds(60), "Sneaky"), "Mallory", Instant.EPOCH),
					USER);
			return null;
		})).hasMessageContaining("row-level security");
	}

	@Test
	void aFreezeEndingBeforeItStartsIsRefusedByTheSchema() {
		assertThatThrownBy(() -> inAlpha((windows) -> {
			windows.addOrganizationFreeze(ALPHA, new OrganizationFreeze(FreezeId.random(),
					new Freeze(Instant.EPOCH, Instant.EPOCH, "Empty"), "Olivia", Instant.EPOCH), USER);
			return null;
		})).hasMessageContaining("organization_freezes_ends_after_start");
	}

	private static <T> T inAlpha(java.util.function.Function<JooqDeploymentWindows, T> work) {
		return app.transactionResult((tx) -> {
			bind(tx.dsl(), ALPHA);
			return work.apply(new JooqDeploymentWindows(tx.dsl()));
		});
	}

	private static void bind(DSLContext dsl, OrgId org) {
		dsl.select(DSL.function("set_config", String.class, DSL.val("lockstep.org_id"), DSL.val(org.toString()),
				DSL.inline(true)))
			.fetch();
	}

}
