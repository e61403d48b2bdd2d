package app.lockstep.domain.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.testing.DeployUseCasesForTests;
import app.lockstep.domain.testing.Fakes;
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

	private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

	private final Fakes fakes = new Fakes(TUESDAY);

	private final DeployUseCasesForTests useCases = new DeployUseCasesForTests(this.fakes);

	private final RequestDeployment request = this.useCases.requestDeployment();

	private final DecideOnDeployment decide = this.useCases.decideOnDeployment();

	private final Organization acme = this.fakes.organization("acme");

	private final OrgId org = this.acme.id();

	private final Caller dev = this.fakes.member(this.acme, "Dana", Role.DEVELOPER);

	private final Caller lead = this.fakes.member(this.acme, "Lee", Role.LEAD);

	private final Caller admin = this.fakes.member(this.acme, "Ada", Role.ADMIN);

	private final Project shop = this.fakes.project(this.org, "shop");

	private final Environment production = this.fakes.environment(this.org, this.shop, "production", Tier.PRODUCTION,
			2);

	{
		this.fakes.artifact(this.org, this.shop, "2.0.0", "b".repeat(40));
	}

	@Test
	void oneApprovalFromALeadSchedulesTheDeploymentForNow() {
		Deployment requested = requestBy(this.dev);
		this.fakes.clock.advance(Duration.ofMinutes(10));

		DecideOnDeployment.Outcome outcome = decide(this.lead, requested, "approve", "Looks good");

		assertThat(outcome.deployment().status()).isEqualTo(DeploymentStatus.SCHEDULED);
		assertThat(outcome.deployment().dueAt()).isEqualTo(TUESDAY.plus(Duration.ofMinutes(10)));
		assertThat(stored(requested).status()).isEqualTo(DeploymentStatus.SCHEDULED);
		Approval approval = outcome.approval();
		assertThat(approval.decision()).isEqualTo(Approval.Decision.APPROVE);
		assertThat(approval.selfApproved()).isFalse();
		assertThat(approval.requestVersion()).isEqualTo(requested.requestVersion());
		assertThat(approval.expiresAt()).isEqualTo(approval.decidedAt().plus(Duration.ofHours(72)));
		assertThat(this.fakes.approvals.of(this.org, requested.id())).containsExactly(approval);
		assertThat(this.fakes.auditLog.appendedActions(this.org)).containsExactly("deployment.requested",
				"deployment.approved", "deployment.scheduled");
		assertThat(this.fakes.auditLog.entries(this.org, "deployment.approved").get(0).details())
			.containsEntry("approvalsGiven", 1L)
			.containsEntry("approvalsRequired", 1)
			.containsEntry("comment", "Looks good");
	}

	@Test
	void itWaitsForApprovalsUntilEnoughCount() {
		gate(2, false);
		Deployment requested = requestBy(this.dev);

		DecideOnDeployment.Outcome first = decide(this.lead, requested, "approve", null);
		assertThat(first.deployment().status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);
		assertThat(stored(requested).status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);

		DecideOnDeployment.Outcome second = decide(this.admin, requested, "approve", null);
		assertThat(second.deployment().status()).isEqualTo(DeploymentStatus.SCHEDULED);
		assertThat(this.fakes.approvals.of(this.org, requested.id())).hasSize(2);
	}

	@Test
	void nobodyDecidesTheSameVersionTwice() {
		gate(2, false);
		Deployment requested = requestBy(this.dev);
		decide(this.lead, requested, "approve", null);

		assertThatThrownBy(() -> decide(this.lead, requested, "approve", null)).isInstanceOf(ConflictException.class)
			.hasMessage("You have already decided on this version of the request.");
		assertThat(stored(requested).status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);
	}

	@Test
	void aRejectionNeedsACommentAndEndsTheRequest() {
		Deployment requested = requestBy(this.dev);

		ValidationException noComment = catchThrowableOfType(ValidationException.class,
				() -> decide(this.lead, requested, "reject", "  "));
		assertThat(noComment.errors()).extracting(FieldError::field).containsExactly("comment");
		assertThat(this.fakes.approvals.of(this.org, requested.id())).isEmpty();

		DecideOnDeployment.Outcome outcome = decide(this.lead, requested, "reject", "Not before the freeze");
		assertThat(outcome.deployment().status()).isEqualTo(DeploymentStatus.REJECTED);
		assertThat(stored(requested).status()).isEqualTo(DeploymentStatus.REJECTED);
		assertThat(this.fakes.auditLog.last(this.org).action()).isEqualTo("deployment.rejected");
		assertThat(this.fakes.auditLog.last(this.org).details()).containsEntry("comment", "Not before the freeze");

		StatusConflictException late = catchThrowableOfType(StatusConflictException.class,
				() -> decide(this.admin, requested, "approve", null));
		assertThat(late.current()).isEqualTo(DeploymentStatus.REJECTED);
	}

	@Test
	void theRequesterMayNotApproveUnlessTheGateAllowsIt() {
		Deployment ownRequest = requestBy(this.lead);

		assertThatThrownBy(() -> decide(this.lead, ownRequest, "approve", null)).isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("You requested this deployment");
		assertThat(this.fakes.approvals.of(this.org, ownRequest.id())).isEmpty();

		gate(1, true);
		Deployment allowed = requestBy(this.lead);
		DecideOnDeployment.Outcome outcome = decide(this.lead, allowed, "approve", null);
		assertThat(outcome.approval().selfApproved()).isTrue();
		assertThat(outcome.deployment().status()).isEqualTo(DeploymentStatus.SCHEDULED);
		assertThat(this.fakes.auditLog.entries(this.org, "deployment.approved").get(0).details())
			.containsEntry("selfApproved", true);
	}

	@Test
	void onlyTheGatesApproverRolesDecide() {
		Deployment requested = requestBy(this.lead);

		assertThatThrownBy(() -> decide(this.dev, requested, "approve", null)).isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("Deployments to production are approved by owners, admins, leads");
		Caller viewer = this.fakes.member(this.acme, "Vic", Role.VIEWER);
		assertThatThrownBy(() -> decide(viewer, requested, "approve", null)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> decide(this.admin, requested, "maybe", null)).isInstanceOf(ValidationException.class);
		assertThat(this.fakes.approvals.of(this.org, requested.id())).isEmpty();
	}

	@Test
	void approvedWhileTheWindowIsClosedItWaitsForTheWindow() {
		Deployment requested = requestBy(this.dev);
		this.fakes.clock.set(Instant.parse("2026-12-04T15:00:00Z"));

		DecideOnDeployment.Outcome outcome = decide(this.lead, requested, "approve", null);

		assertThat(outcome.deployment().status()).isEqualTo(DeploymentStatus.WAITING_FOR_WINDOW);
		assertThat(outcome.deployment().dueAt()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
		assertThat(outcome.deployment().blockedBy()).isEqualTo(WindowRules.NO_FRIDAY_DEPLOYS);
		assertThat(this.fakes.auditLog.last(this.org).action()).isEqualTo("deployment.waiting_for_window");
	}

	@Test
	void aDeploymentOfAnotherEnvironmentIsNotFoundThere() {
		Environment staging = this.fakes.environment(this.org, this.shop, "staging", Tier.STAGING, 1);
		Deployment requested = requestBy(this.dev);

		assertThatThrownBy(() -> this.decide.decide(this.lead, "shop", staging.name(), requested.id(),
				new DecideOnDeployment.Input("approve", null)))
			.isInstanceOf(NotFoundException.class);
	}

	private Deployment requestBy(Caller caller) {
		return this.request.request(caller, "shop", "production",
				new RequestDeployment.Input("2.0.0", null, null, null, null, false, null));
	}

	private DecideOnDeployment.Outcome decide(Caller caller, Deployment deployment, String decision,
			@Nullable String comment) {
		return this.decide.decide(caller, "shop", "production", deployment.id(),
				new DecideOnDeployment.Input(decision, comment));
	}

	private Deployment stored(Deployment deployment) {
		return this.fakes.deployments.get(this.org, deployment.id());
	}

	private void gate(int approvals, boolean selfApproval) {
		this.fakes.policies.save(this.org, this.production.id(),
				new ApprovalPolicy(approvals, EnumSet.of(Role.OWNER, Role.ADMIN, Role.LEAD), selfApproval, 72, null,
						this.fakes.clock.instant(), "Ada"));
	}

}
