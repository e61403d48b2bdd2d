package app.lockstep.domain.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.ConfigRevisions;
import app.lockstep.domain.config.ConfigScope;
import app.lockstep.domain.deploy.Approval;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.Deployments;
import app.lockstep.domain.deploy.WhenBlocked;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The fakes keep the promises of their ports (and of the database behind the adapters),
 * so that use case tests on them mean something: tenants apart, the deployments trigger,
 * the approvals trigger, taken revision numbers, claims.
 */
class InMemoryPortsTest {

	private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	private final Fakes fakes = new Fakes(NOW);

	private final Organization acme = this.fakes.organization("acme");

	private final OrgId org = this.acme.id();

	private final Caller dev = this.fakes.member(this.acme, "Dana", Role.DEVELOPER);

	private final UserId lee = UserId.random();

	private final Project shop = this.fakes.project(this.org, "shop");

	private final Environment production = this.fakes.environment(this.org, this.shop, "production", Tier.PRODUCTION,
			1);

	private final Artifact v1 = this.fakes.artifact(this.org, this.shop, "1.0.0", "a".repeat(40));

	@Test
	void anotherOrganizationSeesNothingAndSlugsAndNamesAreUnique() {
		OrgId other = this.fakes.organization("globex").id();

		assertThat(this.fakes.projects.findBySlug(other, "shop")).isEmpty();
		assertThat(this.fakes.environments.findById(other, this.production.id())).isEmpty();
		assertThat(this.fakes.artifacts.byId(other, this.v1.id())).isEmpty();
		assertThat(this.fakes.projects.findBySlug(this.org, "shop")).isPresent();
		assertThatThrownBy(() -> this.fakes.project(this.org, "shop")).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> this.fakes.environment(this.org, this.shop, "production", Tier.STAGING, 2))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> this.fakes.organization("acme")).isInstanceOf(ConflictException.class);
		assertThat(this.fakes.artifacts.addIfAbsent(this.org, this.v1)).isFalse();
	}

	@Test
	void aTakenRevisionNumberIsRefusedAndNothingIsWritten() {
		ConfigScope scope = new ConfigScope(this.shop.id(), this.production.id());
		this.fakes.revisions.insert(this.org, revision(scope, 1, "first"));

		assertThatThrownBy(() -> this.fakes.revisions.insert(this.org, revision(scope, 1, "second")))
			.isInstanceOf(ConfigRevisions.RevisionTakenException.class);
		assertThat(this.fakes.revisions.latest(this.org, scope))
			.hasValueSatisfying((latest) -> assertThat(latest.message()).isEqualTo("first"));
	}

	@Test
	void statusChangesFollowTheTriggersRules() {
		Deployment scheduled = insert(DeploymentStatus.SCHEDULED);

		Deployments.IllegalTransitionException back = catchThrowableOfType(Deployments.IllegalTransitionException.class,
				() -> this.fakes.deployments.update(this.org, scheduled.withStatus(DeploymentStatus.SUCCEEDED, NOW)));
		assertThat(back.current()).isEqualTo("scheduled");

		Deployment running = scheduled.withStarted(NOW, NOW.plusSeconds(600));
		this.fakes.deployments.update(this.org, running);
		Deployment done = running.withFinished(DeploymentStatus.SUCCEEDED, NOW, "ok", null);
		this.fakes.deployments.update(this.org, done);
		assertThatThrownBy(() -> this.fakes.deployments.update(this.org, done.withDue(NOW, null)))
			.as("a finished deployment never changes")
			.isInstanceOf(Deployments.IllegalTransitionException.class);
		assertThat(this.fakes.deployments.live(this.org, this.production.id())).isPresent();
	}

	@Test
	void changingWhatIsDeployedNeedsANewRequestVersion() {
		Deployment awaiting = insert(DeploymentStatus.AWAITING_APPROVAL);
		Artifact v2 = this.fakes.artifact(this.org, this.shop, "2.0.0", "b".repeat(40));
		Deployment sameVersion = new Deployment(awaiting.id(), awaiting.seq(), awaiting.projectId(),
				awaiting.environmentId(), v2.id(), null, null, WhenBlocked.REJECT, null, awaiting.status(), false, null,
				awaiting.requestedBy(), awaiting.requestedByUser(), awaiting.requestedAt(), awaiting.requestVersion(),
				1, null, null, null, null, 0, null, awaiting.deliveryId(), null, null, null, null, null, null, NOW);

		assertThatThrownBy(() -> this.fakes.deployments.update(this.org, sameVersion))
			.isInstanceOf(Deployments.IllegalTransitionException.class);
		this.fakes.deployments.update(this.org,
				awaiting.withChangedRequest(v2.id(), null, null, 1, DeploymentStatus.AWAITING_APPROVAL, NOW));
		assertThat(this.fakes.deployments.get(this.org, awaiting.id()).requestVersion()).isEqualTo(2);
	}

	@Test
	void decisionsAreTakenOnlyOnTheVersionAwaitingApprovalOncePerPerson() {
		Deployment awaiting = insert(DeploymentStatus.AWAITING_APPROVAL);
		this.fakes.approvals.insert(this.org, approval(awaiting, 1));

		assertThatThrownBy(() -> this.fakes.approvals.insert(this.org, approval(awaiting, 1)))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> this.fakes.approvals.insert(this.org, approval(awaiting, 2)))
			.as("a version it is not at")
			.isInstanceOf(Deployments.IllegalTransitionException.class);
		this.fakes.deployments.update(this.org, awaiting.withStatus(DeploymentStatus.CANCELLED, NOW));
		assertThat(catchThrowableOfType(Deployments.IllegalTransitionException.class,
				() -> this.fakes.approvals.insert(this.org, approval(awaiting, 1)))
			.current()).isEqualTo("cancelled");
		assertThat(this.fakes.approvals.of(this.org, awaiting.id())).hasSize(1);
	}

	@Test
	void aClaimKeepsOthersOutUntilItLapsesAndOnlyItsHolderReleasesIt() {
		Deployment scheduled = insert(DeploymentStatus.SCHEDULED);
		UUID token = UUID.randomUUID();
		this.fakes.deployments.claim(this.org, scheduled.id(), token, NOW.plusSeconds(5));

		assertThat(this.fakes.deployments.pendingDue(NOW, 10)).isEmpty();
		assertThat(this.fakes.deployments.tryLockUnclaimed(this.org, scheduled.id(), NOW)).isEmpty();
		assertThat(this.fakes.deployments.lockAndRelease(this.org, scheduled.id(), UUID.randomUUID())).isEmpty();
		assertThat(this.fakes.deployments.renewClaim(this.org, scheduled.id(), token, NOW.plusSeconds(10))).isTrue();
		assertThat(this.fakes.deployments.pendingDue(NOW.plusSeconds(9), 10)).isEmpty();
		assertThat(this.fakes.deployments.pendingDue(NOW.plusSeconds(10), 10)).hasSize(1);
		assertThat(this.fakes.deployments.lockAndRelease(this.org, scheduled.id(), token)).isPresent();
		assertThat(this.fakes.deployments.claimedAt(this.org, scheduled.id(), NOW)).isFalse();
	}

	@Test
	void theAuditLogChainsWhatItRecords() {
		this.fakes.auditLog.append(this.org, this.dev.actor(),
				AuditEntry.of("project.created", "project", "1").build());
		this.fakes.clock.advance(Duration.ofSeconds(1));
		this.fakes.auditLog.append(this.org, this.dev.actor(),
				AuditEntry.of("project.updated", "project", "1").build());

		var events = this.fakes.auditLog.page(this.org, null, 10);
		assertThat(events).extracting((e) -> e.seq()).containsExactly(2L, 1L);
		assertThat(events.get(0).prevHash()).isEqualTo(events.get(1).hash());
		assertThat(this.fakes.auditLog.head(this.org).hash()).isEqualTo(events.get(0).hash());
		assertThat(this.fakes.auditLog.actions(this.org)).containsExactly("project.created", "project.updated");
	}

	private Deployment insert(DeploymentStatus status) {
		Deployment deployment = new Deployment(DeploymentId.random(), 0, this.shop.id(), this.production.id(),
				this.v1.id(), null, null, WhenBlocked.REJECT, null, status, false, null, this.dev.actor(),
				this.dev.userId(), NOW, 1, 1, null, null, status.isPending() ? NOW : null, null, 0, null,
				UUID.randomUUID(), null, null, null, null, null, null, NOW);
		this.fakes.deployments.insert(this.org, deployment);
		return this.fakes.deployments.get(this.org, deployment.id());
	}

	private Approval approval(Deployment deployment, int version) {
		return new Approval(UUID.randomUUID(), deployment.id(), version, Approval.Decision.APPROVE, this.lee, "Lee",
				Role.LEAD, null, null, false, deployment.artifactId(), deployment.configRevision(),
				deployment.environmentId(), deployment.scheduledAt(), NOW, NOW.plusSeconds(3600));
	}

	private ConfigRevision revision(ConfigScope scope, int number, String message) {
		return new ConfigRevision(UUID.randomUUID(), scope, number, "", List.of(), message, this.dev.actor(), NOW, null,
				"");
	}

}
