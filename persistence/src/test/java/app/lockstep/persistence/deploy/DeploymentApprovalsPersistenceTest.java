package app.lockstep.persistence.deploy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.deploy.Approval;
import app.lockstep.domain.deploy.Approval.Decision;
import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.deploy.DeployTarget;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.Deployments.IllegalTransitionException;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.access.Role;
import app.lockstep.persistence.deploy.DeployFixtures.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static app.lockstep.persistence.deploy.DeployFixtures.T0;
import static app.lockstep.persistence.deploy.DeployFixtures.approval;
import static app.lockstep.persistence.deploy.DeployFixtures.deployment;
import static app.lockstep.persistence.deploy.DeployFixtures.inOrg;
import static app.lockstep.persistence.jooq.Tables.DEPLOYMENT_APPROVALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Approvals are bound to the version of the request they saw: the database takes one
 * decision per person and version while the deployment awaits approval, and never changes
 * one afterwards. Approval policies and deploy targets read back as saved.
 */
class DeploymentApprovalsPersistenceTest {

	private static final UserId ALEX = UserId.random();

	private static final UserId BLAIR = UserId.random();

	private Tenant tenant;

	private Deployment awaiting;

	@BeforeEach
	void aDeploymentAwaitingApproval() {
		this.tenant = DeployFixtures.tenant();
		this.awaiting = insert(deployment(this.tenant, DeploymentStatus.AWAITING_APPROVAL, T0));
	}

	@Test
	void decisionsReadBackAsWrittenOldestFirst() {
		Approval rejection = approval(this.awaiting, BLAIR, Decision.REJECT, T0.plusSeconds(120));
		Approval approved = new Approval(UUID.randomUUID(), this.awaiting.id(), 1, Decision.APPROVE, ALEX, "Alex",
				Role.OWNER, UUID.randomUUID(), "Looks good", true, this.awaiting.artifactId(), 3,
				this.awaiting.environmentId(), null, T0.plusSeconds(60), T0.plusSeconds(3600));
		decide(rejection);
		decide(approved);
		List<Approval> read = inOrg(this.tenant.org(),
				(dsl) -> new JooqApprovals(dsl).of(this.tenant.org(), this.awaiting.id()));
		assertThat(read).containsExactly(approved, rejection);
	}

	@Test
	void decisionsOnManyDeploymentsAreReadAtOnceAsOneByOne() {
		Deployment other = insert(deployment(this.tenant, this.tenant.staging(), this.tenant.v2(),
				DeploymentStatus.AWAITING_APPROVAL, T0.plusSeconds(5)));
		Deployment undecided = insert(deployment(this.tenant, DeploymentStatus.AWAITING_APPROVAL, T0.plusSeconds(9)));
		decide(approval(this.awaiting, BLAIR, Decision.REJECT, T0.plusSeconds(120)));
		decide(approval(other, ALEX, Decision.APPROVE, T0.plusSeconds(30)));
		decide(approval(this.awaiting, ALEX, Decision.APPROVE, T0.plusSeconds(60)));
		decide(approval(other, BLAIR, Decision.APPROVE, T0.plusSeconds(90)));
		var all = inOrg(this.tenant.org(), (dsl) -> new JooqApprovals(dsl).of(this.tenant.org(),
				List.of(this.awaiting.id(), other.id(), undecided.id(), this.awaiting.id())));
		assertThat(all).containsOnlyKeys(this.awaiting.id(), other.id());
		for (Deployment deployment : List.of(this.awaiting, other)) {
			var oneByOne = inOrg(this.tenant.org(),
					(dsl) -> new JooqApprovals(dsl).of(this.tenant.org(), deployment.id()));
			assertThat(all.get(deployment.id())).hasSize(2).containsExactlyElementsOf(oneByOne);
		}
		var none = inOrg(this.tenant.org(), (dsl) -> new JooqApprovals(dsl).of(this.tenant.org(), List.of()));
		assertThat(none).isEmpty();
		var elsewhere = inOrg(this.tenant.org(), (dsl) -> new JooqApprovals(dsl)
			.of(app.lockstep.domain.shared.OrgId.random(), List.of(this.awaiting.id(), other.id())));
		assertThat(elsewhere).isEmpty();
	}

	@Test
	void gatesOfManyEnvironmentsAreReadAtOnce() {
		ApprovalPolicy policy = new ApprovalPolicy(2, EnumSet.of(Role.LEAD, Role.OWNER), true, 24, "staging",
				Instant.parse("2026-01-01T00:00:00Z"), "Olivia");
		inOrg(this.tenant.org(), (dsl) -> {
			new JooqApprovalPolicies(dsl).save(this.tenant.org(), this.tenant.production(), policy);
			return null;
		});
		var all = inOrg(this.tenant.org(), (dsl) -> new JooqApprovalPolicies(dsl).findAll(this.tenant.org(),
				List.of(this.tenant.production(), this.tenant.staging())));
		assertThat(all).containsOnlyKeys(this.tenant.production()).containsEntry(this.tenant.production(), policy);
	}

	@Test
	void oneDecisionPerPersonAndVersion() {
		decide(approval(this.awaiting, ALEX, Decision.APPROVE, T0.plusSeconds(60)));
		assertThatThrownBy(() -> decide(approval(this.awaiting, ALEX, Decision.REJECT, T0.plusSeconds(90))))
			.isInstanceOf(ConflictException.class)
			.hasMessage("You have already decided on this version of the request.");
		Deployment changed = this.awaiting.withChangedRequest(this.tenant.v2(), 3, null, 1,
				DeploymentStatus.AWAITING_APPROVAL, T0.plusSeconds(100));
		inOrg(this.tenant.org(), (dsl) -> {
			new JooqDeployments(dsl).update(this.tenant.org(), changed);
			return null;
		});
		decide(approval(changed, ALEX, Decision.APPROVE, T0.plusSeconds(120)));
		var decisions = inOrg(this.tenant.org(), (dsl) -> new JooqApprovals(dsl).of(this.tenant.org(), changed.id()));
		assertThat(decisions).extracting(Approval::requestVersion).containsExactly(1, 2);
	}

	@Test
	void aDecisionOnAnOlderVersionOrOtherBindingIsRefused() {
		Deployment changed = this.awaiting.withChangedRequest(this.tenant.v2(), 3, null, 1,
				DeploymentStatus.AWAITING_APPROVAL, T0.plusSeconds(100));
		inOrg(this.tenant.org(), (dsl) -> {
			new JooqDeployments(dsl).update(this.tenant.org(), changed);
			return null;
		});
		assertThatThrownBy(() -> decide(approval(this.awaiting, ALEX, Decision.APPROVE, T0.plusSeconds(120))))
			.isInstanceOfSatisfying(IllegalTransitionException.class,
					(ex) -> assertThat(ex.current()).isEqualTo("awaiting_approval"));
		Approval current = approval(changed, ALEX, Decision.APPROVE, T0.plusSeconds(120));
		Approval otherArtifact = new Approval(current.id(), current.deploymentId(), current.requestVersion(),
				current.decision(), current.approverId(), current.approverName(), current.approverRole(), null, null,
				false, this.tenant.v1(), current.configRevision(), current.environmentId(), null, current.decidedAt(),
				current.expiresAt());
		assertThatThrownBy(() -> decide(otherArtifact)).isInstanceOf(IllegalTransitionException.class);
		Approval otherSchedule = new Approval(current.id(), current.deploymentId(), current.requestVersion(),
				current.decision(), current.approverId(), current.approverName(), current.approverRole(), null, null,
				false, current.artifactId(), current.configRevision(), current.environmentId(), T0.plusSeconds(9999),
				current.decidedAt(), current.expiresAt());
		assertThatThrownBy(() -> decide(otherSchedule)).isInstanceOf(IllegalTransitionException.class);
		var decisions = inOrg(this.tenant.org(), (dsl) -> new JooqApprovals(dsl).of(this.tenant.org(), changed.id()));
		assertThat(decisions).isEmpty();
	}

	@Test
	void aDeploymentNoLongerAwaitingApprovalTakesNoDecision() {
		Deployment scheduled = this.awaiting.withStatus(DeploymentStatus.SCHEDULED, T0.plusSeconds(30));
		inOrg(this.tenant.org(), (dsl) -> {
			new JooqDeployments(dsl).update(this.tenant.org(), scheduled);
			return null;
		});
		assertThatThrownBy(() -> decide(approval(scheduled, ALEX, Decision.APPROVE, T0.plusSeconds(60))))
			.isInstanceOfSatisfying(IllegalTransitionException.class,
					(ex) -> assertThat(ex.current()).isEqualTo("scheduled"));
	}

	@Test
	void theRuntimeRoleNeverChangesOrDeletesADecision() {
		decide(approval(this.awaiting, ALEX, Decision.APPROVE, T0.plusSeconds(60)));
		assertThatThrownBy(() -> inOrg(this.tenant.org(),
				(dsl) -> dsl.update(DEPLOYMENT_APPROVALS).set(DEPLOYMENT_APPROVALS.DECISION, "reject").execute()))
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> inOrg(this.tenant.org(), (dsl) -> dsl.deleteFrom(DEPLOYMENT_APPROVALS).execute()))
			.hasMessageContaining("permission denied");
		var before = inOrg(this.tenant.org(),
				(dsl) -> new JooqApprovals(dsl).of(this.tenant.org(), this.awaiting.id()));
		assertThat(before).extracting(Approval::decision).containsExactly(Decision.APPROVE);
	}

	@Test
	void approvalPoliciesAreSavedAndReplaced() {
		ApprovalPolicy policy = new ApprovalPolicy(2, EnumSet.of(Role.LEAD, Role.OWNER), true, 24, "staging",
				Instant.parse("2026-01-01T00:00:00Z"), "Olivia");
		ApprovalPolicy replaced = new ApprovalPolicy(0, EnumSet.noneOf(Role.class), false, 8760, null,
				Instant.parse("2026-02-01T00:00:00Z"), "Omar");
		var stored = inOrg(this.tenant.org(),
				(dsl) -> new JooqApprovalPolicies(dsl).find(this.tenant.org(), this.tenant.production()));
		assertThat(stored).isEmpty();
		for (ApprovalPolicy saved : List.of(policy, replaced)) {
			inOrg(this.tenant.org(), (dsl) -> {
				new JooqApprovalPolicies(dsl).save(this.tenant.org(), this.tenant.production(), saved);
				return null;
			});
			var found = inOrg(this.tenant.org(),
					(dsl) -> new JooqApprovalPolicies(dsl).find(this.tenant.org(), this.tenant.production()));
			assertThat(found).contains(saved);
		}
	}

	@Test
	void deployTargetsAreSavedAndReplacedWithTheirSealedSecret() {
		DeployTarget webhook = new DeployTarget(DeployTarget.Type.WEBHOOK, "https://deployer.example/hook",
				new SealedSecret("k1", new byte[] { 1, 2, 3, 4 }), 30, Instant.parse("2026-01-01T00:00:00Z"), "Olivia");
		DeployTarget manual = new DeployTarget(DeployTarget.Type.MANUAL, null, null, 60,
				Instant.parse("2026-02-01T00:00:00Z"), "Omar");
		for (DeployTarget saved : List.of(webhook, manual)) {
			inOrg(this.tenant.org(), (dsl) -> {
				new JooqDeployTargets(dsl).save(this.tenant.org(), this.tenant.staging(), saved);
				return null;
			});
			var found = inOrg(this.tenant.org(),
					(dsl) -> new JooqDeployTargets(dsl).find(this.tenant.org(), this.tenant.staging()));
			assertThat(found).contains(saved);
		}
		var none = inOrg(this.tenant.org(),
				(dsl) -> new JooqDeployTargets(dsl).find(this.tenant.org(), this.tenant.production()));
		assertThat(none).isEmpty();
	}

	private void decide(Approval approval) {
		inOrg(this.tenant.org(), (dsl) -> {
			new JooqApprovals(dsl).insert(this.tenant.org(), approval);
			return null;
		});
	}

	private Deployment insert(Deployment deployment) {
		return inOrg(this.tenant.org(), (dsl) -> {
			JooqDeployments deployments = new JooqDeployments(dsl);
			deployments.insert(this.tenant.org(), deployment);
			return deployments.find(this.tenant.org(), deployment.id()).orElseThrow();
		});
	}

}
