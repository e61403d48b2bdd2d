package app.lockstep.domain.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.testing.AcmeShopOnFakes;
import app.lockstep.domain.window.WindowRules;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link DecideOnDeployment} on in-memory fakes: approving and rejecting, who may decide,
 * self-approval, and the deployment scheduled (or waiting for its window) once enough
 * approvals count.
 */
class DecideOnDeploymentTest {

	private final AcmeShopOnFakes world = new AcmeShopOnFakes();

	@Test
	void oneApprovalFromALeadSchedulesTheDeploymentForNow() {
		Deployment requested = requestBy(this.world.dev);
		this.world.fakes.clock.advance(Duration.ofMinutes(10));

		DecideOnDeployment.Outcome outcome = decide(this.world.lead, requested, "approve", "Looks good");

		assertThat(outcome.deployment().status()).isEqualTo(DeploymentStatus.SCHEDULED);
		assertThat(outcome.deployment().dueAt()).isEqualTo(AcmeShopOnFakes.TUESDAY.plus(Duration.ofMinutes(10)));
		assertThat(stored(requested).status()).isEqualTo(DeploymentStatus.SCHEDULED);
		Approval approval = outcome.approval();
		assertThat(approval.decision()).isEqualTo(Approval.Decision.APPROVE);
		assertThat(approval.selfApproved()).isFalse();
		assertThat(approval.requestVersion()).isEqualTo(requested.requestVersion());
		assertThat(approval.expiresAt()).isEqualTo(approval.decidedAt().plus(Duration.ofHours(72)));
		assertThat(this.world.fakes.approvals.of(this.world.org, requested.id())).containsExactly(approval);
		assertThat(this.world.fakes.auditLog.appendedActions(this.world.org)).containsExactly("deployment.requested",
				"deployment.approved", "deployment.scheduled");
		assertThat(this.world.fakes.auditLog.entries(this.world.org, "deployment.approved").get(0).details())
			.containsEntry("approvalsGiven", 1L)
			.containsEntry("approvalsRequired", 1)
			.containsEntry("comment", "Looks good");
	}

	@Test
	void itWaitsForApprovalsUntilEnoughCount() {
		gate(2, false);
		Deployment requested = requestBy(this.world.dev);

		DecideOnDeployment.Outcome first = decide(this.world.lead, requested, "approve", null);
		assertThat(first.deployment().status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);
		assertThat(stored(requested).status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);

		DecideOnDeployment.Outcome second = decide(this.world.admin, requested, "approve", null);
		assertThat(second.deployment().status()).isEqualTo(DeploymentStatus.SCHEDULED);
		assertThat(this.world.fakes.approvals.of(this.world.org, requested.id())).hasSize(2);
	}

	@Test
	void nobodyDecidesTheSameVersionTwice() {
		gate(2, false);
		Deployment requested = requestBy(this.world.dev);
		decide(this.world.lead, requested, "approve", null);

		assertThatThrownBy(() -> decide(this.world.lead, requested, "approve", null))
			.isInstanceOf(ConflictException.class)
			.hasMessage("You have already decided on this version of the request.");
		assertThat(stored(requested).status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);
	}

	@Test
	void aRejectionNeedsACommentAndEndsTheRequest() {
		Deployment requested = requestBy(this.world.dev);

		ValidationException noComment = catchThrowableOfType(ValidationException.class,
				() -> decide(this.world.lead, requested, "reject", "  "));
		assertThat(noComment.errors()).extracting(FieldError::field).containsExactly("comment");
		assertThat(this.world.fakes.approvals.of(this.world.org, requested.id())).isEmpty();

		DecideOnDeployment.Outcome outcome = decide(this.world.lead, requested, "reject", "Not before the freeze");
		assertThat(outcome.deployment().status()).isEqualTo(DeploymentStatus.REJECTED);
		assertThat(stored(requested).status()).isEqualTo(DeploymentStatus.REJECTED);
		assertThat(this.world.fakes.auditLog.last(this.world.org).action()).isEqualTo("deployment.rejected");
		assertThat(this.world.fakes.auditLog.last(this.world.org).details()).containsEntry("comment",
				"Not before the freeze");

		StatusConflictException late = catchThrowableOfType(StatusConflictException.class,
				() -> decide(this.world.admin, requested, "approve", null));
		assertThat(late.current()).isEqualTo(DeploymentStatus.REJECTED);
	}

	@Test
	void theRequesterMayNotApproveUnlessTheGateAllowsIt() {
		Deployment ownRequest = requestBy(this.world.lead);

		assertThatThrownBy(() -> decide(this.world.lead, ownRequest, "approve", null))
			.isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("You requested this deployment");
		assertThat(this.world.fakes.approvals.of(this.world.org, ownRequest.id())).isEmpty();

		gate(1, true);
		Deployment allowed = requestBy(this.world.lead);
		DecideOnDeployment.Outcome outcome = decide(this.world.lead, allowed, "approve", null);
		assertThat(outcome.approval().selfApproved()).isTrue();
		assertThat(outcome.deployment().status()).isEqualTo(DeploymentStatus.SCHEDULED);
		assertThat(this.world.fakes.auditLog.entries(this.world.org, "deployment.approved").get(0).details())
			.containsEntry("selfApproved", true);
	}

	@Test
	void onlyTheGatesApproverRolesDecide() {
		Deployment requested = requestBy(this.world.lead);

		assertThatThrownBy(() -> decide(this.world.dev, requested, "approve", null))
			.isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("Deployments to production are approved by owners, admins, leads");
		Caller viewer = this.world.fakes.member(this.world.acme, "Vic", Role.VIEWER);
		assertThatThrownBy(() -> decide(viewer, requested, "approve", null)).isInstanceOf(ForbiddenException.class)
			.hasMessage("Your role here is Viewer, which never decides on deployments.");
		assertThatThrownBy(() -> decide(this.world.admin, requested, "maybe", null))
			.isInstanceOf(ValidationException.class);
		assertThat(this.world.fakes.approvals.of(this.world.org, requested.id())).isEmpty();
	}

	@Test
	void approvedWhileTheWindowIsClosedItWaitsForTheWindow() {
		Deployment requested = requestBy(this.world.dev);
		this.world.fakes.clock.set(Instant.parse("2026-12-04T15:00:00Z"));

		DecideOnDeployment.Outcome outcome = decide(this.world.lead, requested, "approve", null);

		assertThat(outcome.deployment().status()).isEqualTo(DeploymentStatus.WAITING_FOR_WINDOW);
		assertThat(outcome.deployment().dueAt()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
		assertThat(outcome.deployment().blockedBy()).isEqualTo(WindowRules.NO_FRIDAY_DEPLOYS);
		assertThat(this.world.fakes.auditLog.last(this.world.org).action()).isEqualTo("deployment.waiting_for_window");
	}

	@Test
	void aDeploymentOfAnotherEnvironmentIsNotFoundThere() {
		Deployment requested = requestBy(this.world.dev);

		assertThatThrownBy(() -> this.world.decide.decide(this.world.lead, "shop", this.world.staging.name(),
				requested.id(), new DecideOnDeployment.Input("approve", null)))
			.isInstanceOf(NotFoundException.class);
	}

	private Deployment requestBy(Caller caller) {
		return this.world.request.request(caller, "shop", "production",
				new RequestDeployment.Input("2.0.0", null, null, null, null, false, null));
	}

	private DecideOnDeployment.Outcome decide(Caller caller, Deployment deployment, String decision,
			@Nullable String comment) {
		return this.world.decide.decide(caller, "shop", "production", deployment.id(),
				new DecideOnDeployment.Input(decision, comment));
	}

	private Deployment stored(Deployment deployment) {
		return this.world.fakes.deployments.get(this.world.org, deployment.id());
	}

	private void gate(int approvals, boolean selfApproval) {
		this.world.productionGate(approvals, List.of(Role.OWNER, Role.ADMIN, Role.LEAD), selfApproval, null);
	}

}
