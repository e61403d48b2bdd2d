package app.lockstep.domain.deploy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.ConfigScope;
import app.lockstep.domain.project.Environment;
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
 * {@link RequestDeployment} on in-memory fakes: the gate, the windows (the real
 * {@link app.lockstep.domain.window.WindowCheck} with the default rules: no Friday or
 * weekend deploys on production), promotion, and what is refused before anything is
 * written.
 */
class RequestDeploymentTest {

	/** A Friday: production's default windows are closed until Monday 00:00 UTC. */
	private static final Instant FRIDAY = Instant.parse("2026-12-04T10:00:00Z");

	private final AcmeShopOnFakes world = new AcmeShopOnFakes();

	@Test
	void productionsDefaultGateMakesTheRequestAwaitApprovalAndTellsTheApprovers() {
		Deployment deployment = request(this.world.dev, "production", input("2.0.0", null));

		assertThat(deployment.status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);
		assertThat(deployment.approvalsRequired()).isEqualTo(1);
		assertThat(deployment.artifactId()).isEqualTo(this.world.v2.id());
		assertThat(deployment.requestedByUser()).isEqualTo(this.world.dev.userId());
		assertThat(deployment.seq()).as("read back as stored").isPositive();
		AuditEntry requested = this.world.fakes.auditLog.last(this.world.org);
		assertThat(requested.action()).isEqualTo("deployment.requested");
		assertThat(requested.targetId()).isEqualTo(deployment.id().toString());
		assertThat(requested.details()).containsEntry("artifact", "2.0.0")
			.containsEntry("approvalsRequired", 1)
			.containsEntry("status", "awaiting_approval");
		assertThat(this.world.fakes.notifier.sent()).singleElement().satisfies((notice) -> {
			assertThat(notice.to()).containsExactlyInAnyOrder("lee@example.com", "ada@example.com");
			assertThat(notice.subject()).isEqualTo("[Lockstep] Approval needed: 2.0.0 to shop/production");
		});
	}

	@Test
	void withoutAGateItIsScheduledForNowAndTheLatestConfigRevision() {
		this.world.fakes.revisions.insert(this.world.org, revision(this.world.staging, 1));
		this.world.fakes.revisions.insert(this.world.org, revision(this.world.staging, 2));

		Deployment deployment = request(this.world.dev, "staging", input("1.0.0", null));

		assertThat(deployment.status()).isEqualTo(DeploymentStatus.SCHEDULED);
		assertThat(deployment.dueAt()).isEqualTo(AcmeShopOnFakes.TUESDAY);
		assertThat(deployment.configRevision()).isEqualTo(2);
		assertThat(deployment.approvalsRequired()).isZero();
		assertThat(this.world.fakes.notifier.sent()).isEmpty();
		assertThat(this.world.fakes.auditLog.appendedActions(this.world.org)).containsExactly("deployment.requested");
	}

	@Test
	void aClosedWindowRefusesTheRequestByDefaultAndNothingIsWritten() {
		this.world.fakes.clock.set(FRIDAY);

		WindowClosedException closed = catchThrowableOfType(WindowClosedException.class,
				() -> request(this.world.dev, "production", input("2.0.0", null)));

		assertThat(closed.blockedBy()).isEqualTo(WindowRules.NO_FRIDAY_DEPLOYS);
		assertThat(closed.nextOpenAt()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
		assertThat(closed.errors()).extracting(FieldError::field).containsExactly("scheduledAt");
		assertThat(this.world.fakes.deployments.all(this.world.org)).isEmpty();
		assertThat(this.world.fakes.auditLog.entries(this.world.org)).isEmpty();
		assertThat(this.world.fakes.notifier.sent()).isEmpty();
	}

	@Test
	void aClosedWindowWithQueueWaitsForTheNextOpenInstant() {
		noApprovalsOnProduction(null);
		this.world.fakes.clock.set(FRIDAY);

		Deployment deployment = request(this.world.dev, "production", queued("2.0.0"));

		assertThat(deployment.status()).isEqualTo(DeploymentStatus.WAITING_FOR_WINDOW);
		assertThat(deployment.whenBlocked()).isEqualTo(WhenBlocked.QUEUE);
		assertThat(deployment.dueAt()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
		assertThat(deployment.blockedBy()).isEqualTo(WindowRules.NO_FRIDAY_DEPLOYS);
		assertThat(this.world.fakes.auditLog.last(this.world.org).details()).containsEntry("whenBlocked", "queue")
			.containsEntry("nextOpenAt", "2026-12-07T00:00:00Z")
			.containsEntry("status", "waiting_for_window");
	}

	@Test
	void aQueuedRequestThatNeedsApprovalAwaitsItFirst() {
		this.world.fakes.clock.set(FRIDAY);

		Deployment deployment = request(this.world.dev, "production", queued("2.0.0"));

		assertThat(deployment.status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);
	}

	@Test
	void promotionRefusesAnArtifactThatHasNotSucceededOnTheEarlierEnvironment() {
		noApprovalsOnProduction("staging");

		ValidationException refused = catchThrowableOfType(ValidationException.class,
				() -> request(this.world.dev, "production", input("2.0.0", null)));

		assertThat(refused.errors()).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("artifact");
			assertThat(error.message()).startsWith("2.0.0 has not succeeded on staging yet")
				.contains("Deploy 2.0.0 to staging, then promote it.");
		});
		assertThat(this.world.fakes.deployments.all(this.world.org)).isEmpty();

		this.world.fakes.succeeded(this.world.org, this.world.staging, this.world.v2, this.world.dev);
		assertThat(request(this.world.dev, "production", input("2.0.0", null)).status())
			.isEqualTo(DeploymentStatus.SCHEDULED);
	}

	@Test
	void withoutAVersionItRedeploysWhatIsLive() {
		assertThatThrownBy(() -> request(this.world.dev, "staging", input(null, null)))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("Nothing is deployed on staging yet");

		Deployment live = this.world.fakes.succeeded(this.world.org, this.world.staging, this.world.v1, this.world.dev);
		Deployment again = request(this.world.dev, "staging", input(null, null));

		assertThat(again.artifactId()).isEqualTo(this.world.v1.id());
		assertThat(again.previousArtifactId()).isEqualTo(live.artifactId());
		assertThat(again.isConfigOnly()).isTrue();
	}

	@Test
	void badInputIsRefusedFieldByFieldBeforeAnythingIsRead() {
		RequestDeployment.Input input = new RequestDeployment.Input("2.0.0", 0, Instant.parse("2026-11-30T00:00:00Z"),
				"later", "x".repeat(RequestDeployment.MAX_NOTE + 1), false, null);

		ValidationException refused = catchThrowableOfType(ValidationException.class,
				() -> request(this.world.dev, "production", input));

		assertThat(refused.errors()).extracting(FieldError::field)
			.containsExactlyInAnyOrder("whenBlocked", "note", "scheduledAt", "configRevision");
		assertThat(this.world.fakes.transactions.units()).isZero();
	}

	@Test
	void unknownArtifactsRevisionsAndPlacesAreRefused() {
		assertThatThrownBy(() -> request(this.world.dev, "staging", input("9.9.9", null)))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("No artifact \"9.9.9\" in shop");
		assertThatThrownBy(() -> request(this.world.dev, "staging", input("1.0.0", 4)))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("staging has no config revision 4; it has no config yet.");
		assertThatThrownBy(() -> request(this.world.dev, "qa", input("1.0.0", null)))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.world.fakes.deployments.all(this.world.org)).isEmpty();
	}

	@Test
	void viewersMayNotRequestAndOnlyOwnersAndAdminsBreakGlass() {
		Caller viewer = this.world.fakes.member(this.world.acme, "Vic", Role.VIEWER);
		assertThatThrownBy(() -> request(viewer, "staging", input("1.0.0", null)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> request(this.world.dev, "production", emergency("2.0.0", "down")))
			.isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("Only owners and admins may deploy in an emergency");
	}

	@Test
	void anEmergencySkipsTheGateAndTheWindowAndTellsTheLeads() {
		this.world.fakes.clock.set(FRIDAY);

		Deployment deployment = request(this.world.admin, "production", emergency("2.0.0", "Checkout is down"));

		assertThat(deployment.status()).isEqualTo(DeploymentStatus.SCHEDULED);
		assertThat(deployment.approvalsRequired()).isZero();
		assertThat(deployment.emergencyReason()).isEqualTo("Checkout is down");
		assertThat(deployment.awaitsReview()).isTrue();
		assertThat(this.world.fakes.auditLog.last(this.world.org).details()).containsEntry("emergency", true)
			.containsEntry("windowBypassed", WindowRules.NO_FRIDAY_DEPLOYS);
		assertThat(this.world.fakes.notifier.sent()).singleElement()
			.satisfies((notice) -> assertThat(notice.to()).containsExactly("lee@example.com"));
	}

	private Deployment request(Caller caller, String environment, RequestDeployment.Input input) {
		return this.world.request.request(caller, "shop", environment, input);
	}

	private void noApprovalsOnProduction(@Nullable String requiresSuccessIn) {
		this.world.productionGate(0, List.of(Role.LEAD, Role.ADMIN), false, requiresSuccessIn);
	}

	private ConfigRevision revision(Environment environment, int number) {
		return new ConfigRevision(UUID.randomUUID(), new ConfigScope(environment.projectId(), environment.id()), number,
				"", List.of(), null, this.world.dev.actor(), this.world.fakes.clock.instant(), null, "");
	}

	private static RequestDeployment.Input input(@Nullable String artifact, @Nullable Integer revision) {
		return new RequestDeployment.Input(artifact, revision, null, null, null, false, null);
	}

	private static RequestDeployment.Input queued(String artifact) {
		return new RequestDeployment.Input(artifact, null, null, "queue", null, false, null);
	}

	private static RequestDeployment.Input emergency(String artifact, String reason) {
		return new RequestDeployment.Input(artifact, null, null, null, null, true, reason);
	}

}
