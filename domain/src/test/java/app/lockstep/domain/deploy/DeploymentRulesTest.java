package app.lockstep.domain.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.window.WindowDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentRulesTest {

	private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	@Test
	void finishedDeploymentsNeverChangeAgain() {
		for (DeploymentStatus finished : EnumSet.of(DeploymentStatus.SUCCEEDED, DeploymentStatus.FAILED,
				DeploymentStatus.REJECTED, DeploymentStatus.CANCELLED)) {
			assertThat(finished.isFinished()).isTrue();
			for (DeploymentStatus next : DeploymentStatus.values()) {
				assertThat(finished.canBecome(next)).as(finished + " -> " + next).isFalse();
			}
		}
	}

	@Test
	void aCancelledOrRejectedRequestCanNeverRun() {
		Set<DeploymentStatus> reachable = EnumSet.noneOf(DeploymentStatus.class);
		for (DeploymentStatus start : List.of(DeploymentStatus.CANCELLED, DeploymentStatus.REJECTED)) {
			for (DeploymentStatus next : DeploymentStatus.values()) {
				if (start.canBecome(next)) {
					reachable.add(next);
				}
			}
		}
		assertThat(reachable).isEmpty();
		assertThat(DeploymentStatus.AWAITING_APPROVAL.canBecome(DeploymentStatus.RUNNING))
			.as("a request must be approved (scheduled) before it runs")
			.isFalse();
		assertThat(DeploymentStatus.RUNNING.canBecome(DeploymentStatus.CANCELLED)).isFalse();
	}

	@Test
	void aGateLetsDecideOnlyTheRolesItNamesThatDecideAtAll() {
		ApprovalPolicy developersToo = new ApprovalPolicy(1, EnumSet.of(Role.LEAD, Role.DEVELOPER), false, 72, null,
				null, null);
		assertThat(EnumSet.allOf(Role.class).stream().filter(developersToo::letsDecide)).containsExactly(Role.LEAD,
				Role.DEVELOPER);
		assertThat(EnumSet.allOf(Role.class).stream().filter(ApprovalPolicy::decidesAtAll)).containsExactly(Role.OWNER,
				Role.ADMIN, Role.LEAD, Role.DEVELOPER);
		assertThat(ApprovalPolicy.defaultFor(Tier.PRODUCTION).letsDecide(Role.DEVELOPER)).isFalse();
	}

	@Test
	void statusValuesAreTheApisLowerCaseNames() {
		assertThat(DeploymentStatus.WAITING_FOR_WINDOW.value()).isEqualTo("waiting_for_window");
		assertThat(DeploymentStatus.fromValue("awaiting_approval")).contains(DeploymentStatus.AWAITING_APPROVAL);
		assertThat(DeploymentStatus.fromValue("AWAITING_APPROVAL")).isEmpty();
	}

	@Test
	void anOpenWindowSchedulesAtTheRequestedTime() {
		Readiness readiness = Readiness.of(NOW, false, WindowDecision.openAt(NOW, null));
		assertThat(readiness.status()).isEqualTo(DeploymentStatus.SCHEDULED);
		assertThat(readiness.dueAt()).isEqualTo(NOW);
		assertThat(readiness.blockedBy()).isNull();
	}

	@Test
	void aClosedWindowWaitsForTheNextOpening() {
		Instant monday = NOW.plus(Duration.ofDays(3));
		Readiness readiness = Readiness.of(NOW, false, WindowDecision.blocked("No Friday deploys", monday));
		assertThat(readiness.status()).isEqualTo(DeploymentStatus.WAITING_FOR_WINDOW);
		assertThat(readiness.dueAt()).isEqualTo(monday);
		assertThat(readiness.blockedBy()).isEqualTo("No Friday deploys");
	}

	@Test
	void aWindowThatNeverOpensIsLookedAtAgainInAnHour() {
		Readiness readiness = Readiness.of(NOW, false, WindowDecision.blocked("Holiday freeze", null));
		assertThat(readiness.dueAt()).isEqualTo(NOW.plus(Readiness.NO_OPENING_RETRY));
	}

	@Test
	void emergenciesIgnoreWindows() {
		Readiness readiness = Readiness.of(NOW, true, WindowDecision.blocked("No Friday deploys", null));
		assertThat(readiness.status()).isEqualTo(DeploymentStatus.SCHEDULED);
		assertThat(readiness.dueAt()).isEqualTo(NOW);
	}

	@Test
	void anApprovalCountsOnlyForItsVersionAndUntilItExpires() {
		Deployment deployment = deployment(2, ArtifactId.random(), 7);
		Approval current = approval(deployment, 2, Approval.Decision.APPROVE, NOW.plus(Duration.ofHours(72)));
		Approval older = approval(deployment, 1, Approval.Decision.APPROVE, NOW.plus(Duration.ofHours(72)));
		Approval rejection = approval(deployment, 2, Approval.Decision.REJECT, NOW.plus(Duration.ofHours(72)));
		assertThat(current.countsFor(deployment, NOW)).isTrue();
		assertThat(current.countsFor(deployment, NOW.plus(Duration.ofHours(72)))).as("expired").isFalse();
		assertThat(older.countsFor(deployment, NOW)).isFalse();
		assertThat(older.isVoidedBy(deployment)).isTrue();
		assertThat(rejection.countsFor(deployment, NOW)).isFalse();
	}

	@Test
	void changingTheRequestStartsANewVersion() {
		Deployment deployment = deployment(1, ArtifactId.random(), 7);
		Deployment changed = deployment.withChangedRequest(deployment.artifactId(), 8, null, 1,
				DeploymentStatus.AWAITING_APPROVAL, NOW);
		assertThat(changed.requestVersion()).isEqualTo(2);
		assertThat(changed.configRevision()).isEqualTo(8);
	}

	@Test
	void redeployPreviousTakesTheLastSuccessfulPairThatDiffersFromTheLiveOne() {
		ArtifactId a = ArtifactId.random();
		ArtifactId b = ArtifactId.random();
		Deployment live = deployment(1, b, 8);
		Deployment sameAgain = deployment(1, b, 8);
		Deployment previous = deployment(1, a, 8);
		Deployment older = deployment(1, a, 6);
		assertThat(RedeployPrevious.previousOf(List.of(live, sameAgain, previous, older))).isSameAs(previous);
		assertThat(RedeployPrevious.previousOf(List.of(live))).isNull();
		assertThat(RedeployPrevious.previousOf(List.of())).isNull();
	}

	@Test
	void deliveriesBackOffExponentially() {
		DispatchDeployments.RetryPolicy retry = new DispatchDeployments.RetryPolicy(6, Duration.ofSeconds(10));
		assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(retry.delayAfter(5)).isEqualTo(Duration.ofSeconds(160));
	}

	@Test
	void productionNeedsOneApprovalFromALeadAdminOrOwnerByDefault() {
		ApprovalPolicy production = ApprovalPolicy.defaultFor(Tier.PRODUCTION);
		assertThat(production.requiredApprovals()).isEqualTo(1);
		assertThat(production.approverRoles()).containsExactlyInAnyOrder(Role.LEAD, Role.ADMIN, Role.OWNER);
		assertThat(production.allowSelfApproval()).isFalse();
		assertThat(production.approvalValidHours()).isEqualTo(72);
		assertThat(ApprovalPolicy.defaultFor(Tier.STAGING).requiredApprovals()).isZero();
		assertThat(ApprovalPolicy.ELIGIBLE_ROLES).doesNotContain(Role.VIEWER, Role.AUDITOR);
	}

	private static Deployment deployment(int version, ArtifactId artifact, Integer revision) {
		return new Deployment(DeploymentId.random(), 1, ProjectId.random(), EnvironmentId.random(), artifact, revision,
				null, WhenBlocked.QUEUE, null, DeploymentStatus.AWAITING_APPROVAL, false, null, Actor.system("test"),
				UserId.random(), NOW, version, 1, null, null, null, null, 0, null, UUID.randomUUID(), null, null, null,
				null, null, null, NOW);
	}

	private static Approval approval(Deployment deployment, int version, Approval.Decision decision, Instant expires) {
		return new Approval(UUID.randomUUID(), deployment.id(), version, decision, UserId.random(), "Leo", Role.LEAD,
				null, null, false, deployment.artifactId(), deployment.configRevision(), deployment.environmentId(),
				null, NOW, expires);
	}

}
