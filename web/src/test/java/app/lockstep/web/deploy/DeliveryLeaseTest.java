package app.lockstep.web.deploy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DispatchDeployments;
import app.lockstep.domain.deploy.DueDeployments;
import app.lockstep.domain.deploy.ReportDeploymentStatus;
import app.lockstep.persistence.testing.TestDatabase;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import app.lockstep.web.testing.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery to a deployer is made under a claim with a lease (5 s), on one database with
 * two claimers: a dispatcher that dies in the middle of a delivery (its thread is cut
 * off: no renewal, no outcome) leaves a claim that expires, and the next poll delivers
 * the deployment again with the same delivery id and records it once; a dispatcher that
 * is alive keeps renewing its claim while the deployer takes its time, so nobody delivers
 * it twice, and the deployment cannot be cancelled under it.
 */
@LockstepTest
class DeliveryLeaseTest extends ScenarioTestBase {

	private static final String SECRET = "whsec-lease-0123456789abcdef";

	private static final Instant T = Instant.parse("2026-12-09T10:00:00Z");

	private static final Duration LEASE = Duration.ofSeconds(5);

	@Autowired
	DispatchDeployments dispatch;

	@Autowired
	DeploymentScheduler scheduler;

	@BeforeEach
	void setUp() {
		this.clock.pin(T);
	}

	@Test
	void aDeliveryCutOffByADeadDispatcherIsTakenOverAfterTheLeaseWithTheSameDeliveryId() throws Exception {
		CountDownLatch hang = new CountDownLatch(1);
		AtomicInteger seen = new AtomicInteger();
		try (WebhookReceiver receiver = new WebhookReceiver().answering((delivery) -> {
			if (seen.getAndIncrement() == 0) {
				await(hang);
			}
			return 202;
		}); ExecutorService first = Executors.newSingleThreadExecutor()) {
			DeploymentScenario place = scenario().developmentBuild("lease-dead").webhook(receiver.url(), SECRET);
			Deployment deployment = place.request();

			Future<DispatchDeployments.Outcome> dying = first.submit(() -> this.dispatch.start(due(deployment)));
			WebhookReceiver.await(Duration.ofSeconds(10), "the first delivery", () -> receiver.count() == 1);
			dying.cancel(true);
			// While the claim holds, another poll leaves it alone.
			this.scheduler.runOnce();
			assertThat(receiver.count()).isEqualTo(1);
			assertThat(status(deployment)).isEqualTo("scheduled");

			this.clock.advance(LEASE.plusSeconds(1));
			this.scheduler.runOnce();

			assertThat(receiver.count()).isEqualTo(2);
			assertThat(receiver.deliveries()).extracting(WebhookReceiver.Delivery::deliveryId)
				.containsOnly(deployment.deliveryId().toString());
			assertThat(status(deployment)).isEqualTo("running");
			assertThat(count("select dispatch_attempts from lockstep.deployments where id = ?", deployment))
				.isEqualTo(1);
			assertThat(count("select count(*) from lockstep.audit_events where action = 'deployment.started' "
					+ "and target_id = ?::text", deployment))
				.isEqualTo(1);
			hang.countDown();
		}
	}

	@Test
	void aLiveDispatcherKeepsItsClaimWhileTheDeployerTakesItsTime() throws Exception {
		CountDownLatch slow = new CountDownLatch(1);
		try (WebhookReceiver receiver = new WebhookReceiver().answering((delivery) -> {
			await(slow);
			return 202;
		}); ExecutorService first = Executors.newSingleThreadExecutor()) {
			DeploymentScenario place = scenario().developmentBuild("lease-live").webhook(receiver.url(), SECRET);
			Deployment deployment = place.request();

			Future<DispatchDeployments.Outcome> delivering = first.submit(() -> this.dispatch.start(due(deployment)));
			WebhookReceiver.await(Duration.ofSeconds(10), "the delivery", () -> receiver.count() == 1);
			this.clock.advance(LEASE.plusSeconds(1));
			Instant now = this.clock.instant();
			WebhookReceiver.await(Duration.ofSeconds(10), "the claim to be renewed past " + now,
					() -> claimedUntil(deployment).isAfter(now));

			this.scheduler.runOnce();
			assertThat(receiver.count()).isEqualTo(1);
			assertThat(cancelRefused(deployment)).isTrue();

			// A deployer reporting before its answer is recorded waits for it instead of
			// being told the deployment is not running.
			AtomicReference<Object> report = new AtomicReference<>();
			Thread reporter = Thread.ofVirtual().start(() -> {
				try {
					report.set(this.context.getBean(ReportDeploymentStatus.class)
						.report(scenario().owner(), projectOf(deployment), "development", deployment.id(),
								new ReportDeploymentStatus.Input("succeeded", "done", null)));
				}
				catch (RuntimeException ex) {
					report.set(ex);
				}
			});
			WebhookReceiver.await(Duration.ofSeconds(10), "the report to wait for the delivery",
					() -> Arrays.stream(reporter.getStackTrace())
						.anyMatch((frame) -> frame.getMethodName().equals("parkNanos")));

			slow.countDown();
			assertThat(delivering.get(20, TimeUnit.SECONDS)).isEqualTo(DispatchDeployments.Outcome.STARTED);
			reporter.join(Duration.ofSeconds(20));
			assertThat(report.get()).isInstanceOf(Deployment.class);
			assertThat(status(deployment)).isEqualTo("succeeded");
			assertThat(claimedUntil(deployment)).isEqualTo(Instant.EPOCH);
		}
	}

	private boolean cancelRefused(Deployment deployment) {
		try {
			this.context.getBean(app.lockstep.domain.deploy.CancelDeployment.class)
				.cancel(scenario().owner(), projectOf(deployment), "development", deployment.id(), "changed my mind");
			return false;
		}
		catch (app.lockstep.domain.deploy.DeliveryInProgressException ex) {
			return true;
		}
	}

	private DueDeployments.Due due(Deployment deployment) {
		return new DueDeployments.Due(scenario().owner().orgId(), deployment.id());
	}

	private static String projectOf(Deployment deployment) {
		try (Connection connection = TestDatabase.get().superuserDataSource().getConnection();
				PreparedStatement query = connection.prepareStatement("select p.slug from lockstep.deployments d "
						+ "join lockstep.projects p on p.org_id = d.org_id and p.id = d.project_id where d.id = ?")) {
			query.setObject(1, deployment.id().value());
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String status(Deployment deployment) throws SQLException {
		try (Connection connection = TestDatabase.get().superuserDataSource().getConnection();
				PreparedStatement query = connection
					.prepareStatement("select status from lockstep.deployments where id = ?")) {
			query.setObject(1, deployment.id().value());
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

	/** When the deployment's claim lapses (the epoch when it has none). */
	private static Instant claimedUntil(Deployment deployment) {
		try (Connection connection = TestDatabase.get().superuserDataSource().getConnection();
				PreparedStatement query = connection
					.prepareStatement("select claimed_until from lockstep.deployments where id = ?")) {
			query.setObject(1, deployment.id().value());
			try (ResultSet result = query.executeQuery()) {
				result.next();
				OffsetDateTime until = result.getObject(1, OffsetDateTime.class);
				return (until != null) ? until.toInstant() : Instant.EPOCH;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long count(String sql, Deployment deployment) throws SQLException {
		try (Connection connection = TestDatabase.get().superuserDataSource().getConnection();
				PreparedStatement query = connection.prepareStatement(sql)) {
			query.setObject(1, deployment.id().value());
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
