package app.lockstep.persistence.deploy;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.deploy.Approval;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.WhenBlocked;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.access.Role;
import app.lockstep.persistence.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import static app.lockstep.persistence.jooq.Tables.ARTIFACTS;
import static app.lockstep.persistence.jooq.Tables.ENVIRONMENTS;
import static app.lockstep.persistence.jooq.Tables.ORGANIZATIONS;
import static app.lockstep.persistence.jooq.Tables.PROJECTS;

/**
 * An organization with a project, a production and a staging environment and two
 * artifacts, written as the runtime role; and deployments and approvals to put on them.
 */
final class DeployFixtures {

	static final UserId REQUESTER = UserId.random();

	static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	private static DSLContext app;

	private DeployFixtures() {
	}

	record Tenant(OrgId org, ProjectId project, EnvironmentId production, EnvironmentId staging, ArtifactId v1,
			ArtifactId v2) {
	}

	static synchronized DSLContext app() {
		if (app == null) {
			app = DSL.using(TestDatabase.get().appDataSource(), SQLDialect.POSTGRES);
		}
		return app;
	}

	static Tenant tenant() {
		Tenant tenant = new Tenant(OrgId.random(), ProjectId.random(), EnvironmentId.random(), EnvironmentId.random(),
				new ArtifactId(UUID.randomUUID()), new ArtifactId(UUID.randomUUID()));
		inOrg(tenant.org(), (dsl) -> {
			dsl.insertInto(ORGANIZATIONS)
				.set(ORGANIZATIONS.ID, tenant.org())
				.set(ORGANIZATIONS.SLUG, "dep-" + tenant.org().value().toString().substring(0, 8))
				.set(ORGANIZATIONS.NAME, "Deploy " + tenant.org())
				.set(ORGANIZATIONS.TIME_ZONE, "UTC")
				.set(ORGANIZATIONS.CREATED_AT, epoch())
				.execute();
			dsl.insertInto(PROJECTS)
				.set(PROJECTS.ORG_ID, tenant.org())
				.set(PROJECTS.ID, tenant.project())
				.set(PROJECTS.SLUG, "shop")
				.set(PROJECTS.NAME, "Shop")
				.set(PROJECTS.CREATED_AT, epoch())
				.set(PROJECTS.UPDATED_AT, epoch())
				.execute();
			int position = 1;
			for (EnvironmentId environment : new EnvironmentId[] { tenant.staging(), tenant.production() }) {
				boolean production = environment.equals(tenant.production());
				dsl.insertInto(ENVIRONMENTS)
					.set(ENVIRONMENTS.ORG_ID, tenant.org())
					.set(ENVIRONMENTS.ID, environment)
					.set(ENVIRONMENTS.PROJECT_ID, tenant.project())
					.set(ENVIRONMENTS.NAME, production ? "production" : "staging")
					.set(ENVIRONMENTS.TIER, production ? "PRODUCTION" : "STAGING")
					.set(ENVIRONMENTS.POSITION, position++)
					.set(ENVIRONMENTS.TIME_ZONE, "Europe/Paris")
					.set(ENVIRONMENTS.CREATED_AT, epoch())
					.set(ENVIRONMENTS.UPDATED_AT, epoch())
					.execute();
			}
			int version = 1;
			for (ArtifactId artifact : new ArtifactId[] { tenant.v1(), tenant.v2() }) {
				dsl.insertInto(ARTIFACTS)
					.set(ARTIFACTS.ORG_ID, tenant.org())
					.set(ARTIFACTS.ID, artifact)
					.set(ARTIFACTS.PROJECT_ID, tenant.project())
					.set(ARTIFACTS.VERSION, "1." + version++ + ".0")
					.set(ARTIFACTS.COMMIT_SHA, "0123456789abcdef0123456789abcdef0123456" + version)
					.set(ARTIFACTS.DIGEST, "sha256:" + "ab".repeat(32))
					.set(ARTIFACTS.CREATED_AT, epoch())
					.set(ARTIFACTS.CREATED_BY_TYPE, "SYSTEM")
					.set(ARTIFACTS.CREATED_BY_NAME, "test")
					.execute();
			}
			return null;
		});
		return tenant;
	}

	/** A plain request by {@link #REQUESTER} for production, at {@code at}. */
	static Deployment deployment(Tenant tenant, DeploymentStatus status, Instant at) {
		return deployment(tenant, tenant.production(), tenant.v1(), status, at);
	}

	static Deployment deployment(Tenant tenant, EnvironmentId environment, ArtifactId artifact, DeploymentStatus status,
			Instant at) {
		return new Deployment(DeploymentId.random(), 0, tenant.project(), environment, artifact, 3, null,
				WhenBlocked.QUEUE, null, status, false, null, Actor.user(REQUESTER, "Rita", null), REQUESTER, at, 1, 1,
				null, null, null, null, 0, null, UUID.randomUUID(), null, null, null, null, null, null, at);
	}

	/** An approval of the deployment's current version, bound to what it deploys. */
	static Approval approval(Deployment deployment, UserId approver, Approval.Decision decision, Instant at) {
		return new Approval(UUID.randomUUID(), deployment.id(), deployment.requestVersion(), decision, approver, "Alex",
				Role.LEAD, null, (decision == Approval.Decision.REJECT) ? "Not now" : null, false,
				deployment.artifactId(), deployment.configRevision(), deployment.environmentId(),
				deployment.scheduledAt(), at, at.plusSeconds(72 * 3600));
	}

	/** Runs the work in its own transaction bound to the organization, and commits it. */
	static <T> T inOrg(OrgId org, Function<DSLContext, T> work) {
		return app().transactionResult((tx) -> {
			bind(tx.dsl(), "lockstep.org_id", org.toString());
			return work.apply(tx.dsl());
		});
	}

	static void bind(DSLContext dsl, String setting, String value) {
		dsl.select(DSL.function("set_config", String.class, DSL.val(setting), DSL.val(value), DSL.inline(true)))
			.fetch();
	}

	private static Instant epoch() {
		return Instant.EPOCH;
	}

}
