package app.lockstep.persistence.code;

import java.time.Instant;
import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.project.ProjectId;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static app.lockstep.persistence.jooq.Tables.ARTIFACTS;
import static app.lockstep.persistence.jooq.Tables.CODE_CHANGES;
import static app.lockstep.persistence.jooq.Tables.ORGANIZATIONS;
import static app.lockstep.persistence.jooq.Tables.PROJECTS;
import static app.lockstep.persistence.jooq.Tables.PROJECT_WEBHOOKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhooks, code changes and artifacts are tenant rows like any other. A delivery may
 * read exactly the one webhook whose hook id it names, nothing else, and write nothing
 * with that binding alone; code changes and artifacts are never updated or deleted.
 */
class CodeRowLevelSecurityTest {

	private static final OrgId ALPHA = OrgId.random();

	private static final OrgId BETA = OrgId.random();

	private static final String ALPHA_HOOK = hookId('a');

	private static final String BETA_HOOK = hookId('b');

	private static final UUID ALPHA_PROJECT = UUID.randomUUID();

	private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

	private static DSLContext app;

	@BeforeAll
	static void twoOrganizationsWithAWebhookAndACommitEach() {
		app = DSL.using(TestDatabase.get().appDataSource(), SQLDialect.POSTGRES);
		for (OrgId org : List.of(ALPHA, BETA)) {
			UUID project = (org == ALPHA) ? ALPHA_PROJECT : UUID.randomUUID();
			app.transaction((tx) -> {
				DSLContext dsl = tx.dsl();
				bind(dsl, "lockstep.org_id", org.toString());
				dsl.insertInto(ORGANIZATIONS)
					.set(ORGANIZATIONS.ID, org)
					.set(ORGANIZATIONS.SLUG, "code-" + org.value().toString().substring(0, 8))
					.set(ORGANIZATIONS.NAME, "Code " + org)
					.set(ORGANIZATIONS.TIME_ZONE, "UTC")
					.set(ORGANIZATIONS.CREATED_AT, epoch())
					.execute();
				dsl.insertInto(PROJECTS)
					.set(PROJECTS.ORG_ID, org)
					.set(PROJECTS.ID, new ProjectId(project))
					.set(PROJECTS.SLUG, "shop")
					.set(PROJECTS.NAME, "Shop")
					.set(PROJECTS.CREATED_AT, epoch())
					.set(PROJECTS.UPDATED_AT, epoch())
					.execute();
				dsl.insertInto(PROJECT_WEBHOOKS)
					.set(PROJECT_WEBHOOKS.ORG_ID, org)
					.set(PROJECT_WEBHOOKS.PROJECT_ID, new ProjectId(project))
					.set(PROJECT_WEBHOOKS.HOOK_ID, (org == ALPHA) ? ALPHA_HOOK : BETA_HOOK)
					.set(PROJECT_WEBHOOKS.SECRET_SEALED, new byte[] { 1, 2, 3 })
					.set(PROJECT_WEBHOOKS.SECRET_KEY_ID, "k")
					.set(PROJECT_WEBHOOKS.UPDATED_AT, epoch())
					.set(PROJECT_WEBHOOKS.UPDATED_BY, "test")
					.execute();
				dsl.insertInto(CODE_CHANGES)
					.set(CODE_CHANGES.ORG_ID, org)
					.set(CODE_CHANGES.PROJECT_ID, new ProjectId(project))
					.set(CODE_CHANGES.SHA, SHA)
					.set(CODE_CHANGES.BRANCH, "main")
					.set(CODE_CHANGES.COMMITTED_AT, epoch())
					.set(CODE_CHANGES.RECEIVED_AT, epoch())
					.set(CODE_CHANGES.SOURCE, "API")
					.execute();
				dsl.insertInto(ARTIFACTS)
					.set(ARTIFACTS.ORG_ID, org)
					.set(ARTIFACTS.ID, new ArtifactId(UUID.randomUUID()))
					.set(ARTIFACTS.PROJECT_ID, new ProjectId(project))
					.set(ARTIFACTS.VERSION, "1.0.0")
					.set(ARTIFACTS.COMMIT_SHA, SHA)
					.set(ARTIFACTS.DIGEST, "sha256:" + "ab".repeat(32))
					.set(ARTIFACTS.CREATED_AT, epoch())
					.set(ARTIFACTS.CREATED_BY_TYPE, "SYSTEM")
					.set(ARTIFACTS.CREATED_BY_NAME, "test")
					.execute();
			});
		}
	}

	@Test
	void withoutABindingNothingIsVisible() {
		int visible = app.transactionResult((tx) -> tx.dsl().fetchCount(PROJECT_WEBHOOKS)
				+ tx.dsl().fetchCount(CODE_CHANGES) + tx.dsl().fetchCount(ARTIFACTS));
		assertThat(visible).isZero();
	}

	@Test
	void theHookBindingShowsExactlyThatWebhookAndNoCommits() {
		List<String> seen = app.transactionResult((tx) -> {
			bind(tx.dsl(), "lockstep.webhook", ALPHA_HOOK);
			return tx.dsl().select(PROJECT_WEBHOOKS.HOOK_ID).from(PROJECT_WEBHOOKS).fetch(PROJECT_WEBHOOKS.HOOK_ID);
		});
		assertThat(seen).containsExactly(ALPHA_HOOK);
		int others = app.transactionResult((tx) -> {
			bind(tx.dsl(), "lockstep.webhook", ALPHA_HOOK);
			return tx.dsl().fetchCount(CODE_CHANGES) + tx.dsl().fetchCount(PROJECTS);
		});
		assertThat(others).isZero();
	}

	@Test
	void theHookBindingAloneWritesNothing() {
		Integer updated = app.transactionResult((tx) -> {
			bind(tx.dsl(), "lockstep.webhook", ALPHA_HOOK);
			return tx.dsl()
				.update(PROJECT_WEBHOOKS)
				.set(PROJECT_WEBHOOKS.UPDATED_BY, "attacker")
				.where(PROJECT_WEBHOOKS.HOOK_ID.eq(ALPHA_HOOK))
				.execute();
		});
		assertThat(updated).isZero();
		assertThatThrownBy(() -> app.transaction((tx) -> {
			bind(tx.dsl(), "lockstep.webhook", ALPHA_HOOK);
			tx.dsl()
				.insertInto(CODE_CHANGES)
				.set(CODE_CHANGES.ORG_ID, ALPHA)
				.set(CODE_CHANGES.PROJECT_ID, new ProjectId(ALPHA_PROJECT))
				.set(CODE_CHANGES.SHA, "f".repeat(40))
				.set(CODE_CHANGES.BRANCH, "main")
				.set(CODE_CHANGES.COMMITTED_AT, epoch())
				.set(CODE_CHANGES.RECEIVED_AT, epoch())
				.set(CODE_CHANGES.SOURCE, "GITHUB")
				.execute();
		})).hasMessageContaining("row-level security");
	}

	@Test
	void anOrganizationBindingShowsOnlyItsOwnRows() {
		List<String> hooks = app.transactionResult((tx) -> {
			bind(tx.dsl(), "lockstep.org_id", BETA.toString());
			return tx.dsl().select(PROJECT_WEBHOOKS.HOOK_ID).from(PROJECT_WEBHOOKS).fetch(PROJECT_WEBHOOKS.HOOK_ID);
		});
		assertThat(hooks).containsExactly(BETA_HOOK);
		List<OrgId> orgs = app.transactionResult((tx) -> {
			bind(tx.dsl(), "lockstep.org_id", BETA.toString());
			return tx.dsl().select(CODE_CHANGES.ORG_ID).from(CODE_CHANGES).fetch(CODE_CHANGES.ORG_ID);
		});
		assertThat(orgs).containsOnly(BETA);
	}

	@Test
	void codeChangesAndArtifactsAreNeverUpdatedOrDeleted() {
		assertThatThrownBy(() -> app.transaction((tx) -> {
			bind(tx.dsl(), "lockstep.org_id", ALPHA.toString());
			tx.dsl().update(CODE_CHANGES).set(CODE_CHANGES.BRANCH, "rewritten").execute();
		})).hasMessageContaining("permission denied");
		assertThatThrownBy(() -> app.transaction((tx) -> {
			bind(tx.dsl(), "lockstep.org_id", ALPHA.toString());
			tx.dsl().update(ARTIFACTS).set(ARTIFACTS.DIGEST, "sha256:" + "cd".repeat(32)).execute();
		})).hasMessageContaining("permission denied");
		assertThatThrownBy(() -> app.transaction((tx) -> {
			bind(tx.dsl(), "lockstep.org_id", ALPHA.toString());
			tx.dsl().deleteFrom(ARTIFACTS).execute();
		})).hasMessageContaining("permission denied");
	}

	@Test
	void theSchemaRefusesShortShasAndBadDigests() {
		assertThatThrownBy(() -> app.transaction((tx) -> {
			bind(tx.dsl(), "lockstep.org_id", ALPHA.toString());
			tx.dsl()
				.insertInto(ARTIFACTS)
				.set(ARTIFACTS.ORG_ID, ALPHA)
				.set(ARTIFACTS.ID, new ArtifactId(UUID.randomUUID()))
				.set(ARTIFACTS.PROJECT_ID, new ProjectId(ALPHA_PROJECT))
				.set(ARTIFACTS.VERSION, "2.0.0")
				.set(ARTIFACTS.COMMIT_SHA, "abc1234")
				.set(ARTIFACTS.DIGEST, "md5:123")
				.set(ARTIFACTS.CREATED_AT, epoch())
				.set(ARTIFACTS.CREATED_BY_TYPE, "SYSTEM")
				.set(ARTIFACTS.CREATED_BY_NAME, "test")
				.execute();
		})).hasMessageContaining("artifacts_");
	}

	private static String hookId(char fill) {
		return String.valueOf(fill).repeat(24) + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
	}

	private static Instant epoch() {
		return Instant.EPOCH;
	}

	private static void bind(DSLContext dsl, String setting, String value) {
		dsl.select(DSL.function("set_config", String.class, DSL.val(setting), DSL.val(value), DSL.inline(true)))
			.fetch();
	}

}
