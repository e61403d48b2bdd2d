package app.lockstep.domain.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.code.CodeSource;
import app.lockstep.domain.code.Commit;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.testing.DeployUseCasesForTests;
import app.lockstep.domain.testing.Fakes;
import app.lockstep.domain.testing.ScriptedDeployerClient;
import app.lockstep.domain.window.WindowRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DispatchDeployments} on in-memory fakes and a scripted deployer: a due
 * deployment is delivered once, failures are retried with the policy's backoff and fail
 * for good after the last attempt, claims keep a second dispatcher out until they lapse,
 * and closed windows hold a deployment.
 */
class DispatchDeploymentsTest {

	private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

	private static final DispatchDeployments.RetryPolicy THREE_ATTEMPTS = new DispatchDeployments.RetryPolicy(3,
			Duration.ofSeconds(10));

	private static final String FIRST = "a".repeat(40);

	private static final String SECOND = "b".repeat(40);

	private final Fakes fakes = new Fakes(TUESDAY);

	private final DeployUseCasesForTests useCases = new DeployUseCasesForTests(this.fakes);

	private final DispatchDeployments dispatch = this.useCases.dispatchDeployments(THREE_ATTEMPTS);

	private final Organization acme = this.fakes.organization("acme");

	private final OrgId org = this.acme.id();

	private final Caller dev = this.fakes.member(this.acme, "Dana", Role.DEVELOPER);

	private final Project shop = this.fakes.project(this.org, "shop");

	private final Environment staging = this.fakes.environment(this.org, this.shop, "staging", Tier.STAGING, 1);

	private final Environment production = this.fakes.environment(this.org, this.shop, "production", Tier.PRODUCTION,
			2);

	private final ScriptedDeployerClient deployer = this.fakes.deployer;

	{
		this.fakes.codeChanges.addAll(this.org, this.shop.id(),
				List.of(new Commit(FIRST, "main", "Dana", "First\n\nbody", TUESDAY.minusSeconds(7200), null),
						new Commit(SECOND, "main", "Dana", "Second", TUESDAY.minusSeconds(3600), null)),
				CodeSource.API, TUESDAY);
		this.fakes.artifact(this.org, this.shop, "1.0.0", SECOND);
		webhook(this.staging);
	}

	@Test
	void aDueDeploymentIsDeliveredOnceAndRuns() {
		Deployment requested = request("staging");

		List<DueDeployments.Due> due = this.dispatch.due(10);
		assertThat(due).containsExactly(new DueDeployments.Due(this.org, requested.id()));
		assertThat(this.dispatch.start(due.get(0))).isEqualTo(DispatchDeployments.Outcome.STARTED);

		assertThat(this.deployer.deliveries()).singleElement().satisfies((delivery) -> {
			assertThat(delivery.url()).isEqualTo("https://deployer.example/hook");
			assertThat(delivery.secret()).isEqualTo("whsec-staging");
			assertThat(delivery.deliveryId()).isEqualTo(requested.deliveryId());
			assertThat(delivery.payload().organization()).isEqualTo("acme");
			assertThat(delivery.payload().environment()).isEqualTo("staging");
			assertThat(delivery.payload().artifactVersion()).isEqualTo("1.0.0");
			assertThat(delivery.payload().artifactCommitSha()).isEqualTo(SECOND);
		});
		Deployment running = stored(requested);
		assertThat(running.status()).isEqualTo(DeploymentStatus.RUNNING);
		assertThat(running.startedAt()).isEqualTo(TUESDAY);
		assertThat(running.deadlineAt()).isEqualTo(TUESDAY.plus(Duration.ofMinutes(30)));
		assertThat(running.dispatchAttempts()).isEqualTo(1);
		assertThat(this.fakes.deployments.claimedAt(this.org, requested.id(), TUESDAY)).as("claim released").isFalse();
		assertThat(this.fakes.auditLog.last(this.org).action()).isEqualTo("deployment.started");
		assertThat(this.fakes.auditLog.last(this.org).details()).containsEntry("target", "webhook")
			.containsEntry("commitCount", 2)
			.containsEntry("commits", List.of("bbbbbbb Second", "aaaaaaa First"));

		assertThat(this.dispatch.due(10)).isEmpty();
		assertThat(this.dispatch.start(due.get(0))).as("started already")
			.isEqualTo(DispatchDeployments.Outcome.SKIPPED);
		assertThat(this.deployer.deliveries()).hasSize(1);
	}

	@Test
	void aFailedDeliveryIsRetriedWithBackoffAndFailsAfterTheLastAttempt() {
		this.deployer.answer(DeployerClient.Result.retry("503 Service Unavailable"),
				DeployerClient.Result.retry("connection reset"), DeployerClient.Result.retry("503 again"));
		Deployment requested = request("staging");

		assertThat(startDue()).isEqualTo(DispatchDeployments.Outcome.RETRYING);
		Deployment retrying = stored(requested);
		assertThat(retrying.status()).isEqualTo(DeploymentStatus.SCHEDULED);
		assertThat(retrying.dispatchAttempts()).isEqualTo(1);
		assertThat(retrying.lastError()).isEqualTo("503 Service Unavailable");
		assertThat(retrying.dueAt()).isEqualTo(TUESDAY.plusSeconds(10));
		assertThat(this.dispatch.due(10)).as("not due before its next attempt").isEmpty();

		this.fakes.clock.advance(Duration.ofSeconds(10));
		assertThat(startDue()).isEqualTo(DispatchDeployments.Outcome.RETRYING);
		assertThat(stored(requested).dueAt()).as("the delay doubles").isEqualTo(TUESDAY.plusSeconds(10 + 20));

		this.fakes.clock.advance(Duration.ofSeconds(20));
		assertThat(startDue()).isEqualTo(DispatchDeployments.Outcome.FAILED);
		Deployment failed = stored(requested);
		assertThat(failed.status()).isEqualTo(DeploymentStatus.FAILED);
		assertThat(failed.dispatchAttempts()).isEqualTo(3);
		assertThat(failed.statusMessage()).isEqualTo("Delivery to the deployer failed after 3 attempts: 503 again");
		assertThat(this.deployer.deliveries()).hasSize(3)
			.extracting(ScriptedDeployerClient.Delivery::deliveryId)
			.as("every attempt carries the same delivery id")
			.containsOnly(requested.deliveryId());
		assertThat(this.fakes.auditLog.appendedActions(this.org)).containsExactly("deployment.requested",
				"deployment.delivery_failed", "deployment.delivery_failed", "deployment.failed");
	}

	@Test
	void aRetryThatIsAcceptedRuns() {
		this.deployer.answer(DeployerClient.Result.retry("502 Bad Gateway"));
		Deployment requested = request("staging");
		startDue();
		this.fakes.clock.advance(Duration.ofSeconds(10));

		assertThat(startDue()).isEqualTo(DispatchDeployments.Outcome.STARTED);
		assertThat(stored(requested).status()).isEqualTo(DeploymentStatus.RUNNING);
		assertThat(stored(requested).dispatchAttempts()).isEqualTo(2);
	}

	@Test
	void aRefusalIsNotRetried() {
		this.deployer.answer(DeployerClient.Result.refused("400 Bad Request"));
		Deployment requested = request("staging");

		assertThat(startDue()).isEqualTo(DispatchDeployments.Outcome.FAILED);
		assertThat(stored(requested).statusMessage())
			.isEqualTo("Delivery to the deployer failed after 1 attempt: 400 Bad Request");
	}

	@Test
	void anotherDispatchersClaimKeepsItOutUntilTheClaimLapses() {
		Deployment requested = request("staging");
		this.fakes.deployments.claim(this.org, requested.id(), UUID.randomUUID(), TUESDAY.plusSeconds(5));
		DueDeployments.Due due = new DueDeployments.Due(this.org, requested.id());

		assertThat(this.dispatch.due(10)).isEmpty();
		assertThat(this.dispatch.start(due)).isEqualTo(DispatchDeployments.Outcome.SKIPPED);
		assertThat(this.deployer.deliveries()).isEmpty();

		this.fakes.clock.advance(Duration.ofSeconds(5));
		assertThat(this.dispatch.due(10)).containsExactly(due);
		assertThat(this.dispatch.start(due)).isEqualTo(DispatchDeployments.Outcome.STARTED);
		assertThat(this.deployer.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.deliveryId()).isEqualTo(requested.deliveryId()));
	}

	@Test
	void aRowHeldByAnotherTransactionIsSkipped() {
		Deployment requested = request("staging");
		this.fakes.deployments.holdLock(requested.id());

		assertThat(startDue()).isEqualTo(DispatchDeployments.Outcome.SKIPPED);
		assertThat(stored(requested).status()).isEqualTo(DeploymentStatus.SCHEDULED);
	}

	@Test
	void aManualTargetRunsWithoutADelivery() {
		this.fakes.policies.save(this.org, this.production.id(),
				new ApprovalPolicy(0, EnumSet.of(Role.OWNER, Role.ADMIN, Role.LEAD), false, 72, null, TUESDAY, "Ada"));
		Deployment requested = request("production");

		assertThat(startDue()).isEqualTo(DispatchDeployments.Outcome.STARTED);
		assertThat(stored(requested).status()).isEqualTo(DeploymentStatus.RUNNING);
		assertThat(stored(requested).deadlineAt())
			.isEqualTo(TUESDAY.plus(Duration.ofMinutes(DeployTarget.DEFAULT_TIMEOUT_MINUTES)));
		assertThat(this.deployer.deliveries()).isEmpty();
		assertThat(this.fakes.auditLog.last(this.org).details()).containsEntry("target", "manual");
	}

	@Test
	void aWindowClosedByTheTimeItIsDueHoldsIt() {
		this.fakes.policies.save(this.org, this.production.id(),
				new ApprovalPolicy(0, EnumSet.of(Role.OWNER, Role.ADMIN, Role.LEAD), false, 72, null, TUESDAY, "Ada"));
		Deployment requested = request("production");
		this.fakes.clock.set(Instant.parse("2026-12-04T10:00:00Z"));

		assertThat(startDue()).isEqualTo(DispatchDeployments.Outcome.WAITING);

		Deployment waiting = stored(requested);
		assertThat(waiting.status()).isEqualTo(DeploymentStatus.WAITING_FOR_WINDOW);
		assertThat(waiting.dueAt()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
		assertThat(waiting.blockedBy()).isEqualTo(WindowRules.NO_FRIDAY_DEPLOYS);
		assertThat(this.fakes.auditLog.last(this.org).action()).isEqualTo("deployment.waiting_for_window");
	}

	@Test
	void aRunningDeploymentPastItsDeadlineFails() {
		Deployment requested = request("staging");
		startDue();
		assertThat(this.dispatch.overdue(10)).isEmpty();

		this.fakes.clock.advance(Duration.ofMinutes(30));
		List<DueDeployments.Due> overdue = this.dispatch.overdue(10);
		assertThat(overdue).containsExactly(new DueDeployments.Due(this.org, requested.id()));
		assertThat(this.dispatch.timeOut(overdue.get(0))).isEqualTo(DispatchDeployments.Outcome.FAILED);

		Deployment failed = stored(requested);
		assertThat(failed.status()).isEqualTo(DeploymentStatus.FAILED);
		assertThat(failed.statusMessage()).isEqualTo("Timed out: no final status within 30 minutes of starting.");
		assertThat(this.fakes.auditLog.last(this.org).details()).containsEntry("timedOut", true);
	}

	private DispatchDeployments.Outcome startDue() {
		List<DueDeployments.Due> due = this.dispatch.due(10);
		assertThat(due).hasSize(1);
		return this.dispatch.start(due.get(0));
	}

	private Deployment request(String environment) {
		return this.useCases.requestDeployment()
			.request(this.dev, "shop", environment,
					new RequestDeployment.Input("1.0.0", null, null, null, null, false, null));
	}

	private Deployment stored(Deployment deployment) {
		return this.fakes.deployments.get(this.org, deployment.id());
	}

	private void webhook(Environment environment) {
		this.fakes.targets.save(this.org, environment.id(),
				new DeployTarget(DeployTarget.Type.WEBHOOK, "https://deployer.example/hook",
						this.useCases.targetSecrets().seal(this.org, environment.id(), "whsec-" + environment.name()),
						30, TUESDAY, "Ada"));
	}

}
