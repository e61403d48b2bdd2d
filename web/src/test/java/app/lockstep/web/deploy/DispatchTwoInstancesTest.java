package app.lockstep.web.deploy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import app.lockstep.domain.deploy.Deployment;
import app.lockstep.persistence.testing.TestDatabase;
import app.lockstep.web.testing.AppInstance;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import app.lockstep.web.testing.WebhookReceiver;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once across application instances and restarts. Real extra instances of the
 * application ({@link AppInstance}: same test database, demo keys, real clock, the
 * scheduler polling every 200 ms) dispatch a few hundred due deployments, made through
 * the use cases of the shared context (whose scheduler does not poll), to a local webhook
 * receiver; it must see each delivery id exactly once, and every deployment must end up
 * running with one delivery attempt and one "started" audit event.
 * <p>
 * The instance started after the restart stays up for the second test (each start costs
 * seconds), so the tests run in order; both close at the end.
 */
@LockstepTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DispatchTwoInstancesTest {

	private static final int DEPLOYMENTS = 300;

	private static final int KILLED_DEPLOYMENTS = 200;

	private static final String SECRET = "whsec-two-instances-0123456789";

	private static final Duration DEADLINE = Duration.ofSeconds(90);

	private static AppInstance second;

	private static AppInstance third;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void setUp() {
		// The extra instances run on the real clock: deployments made here must be due in
		// real time too.
		this.clock.release();
	}

	@AfterAll
	static void closeInstances() {
		for (AppInstance instance : new AppInstance[] { third, second }) {
			if (instance != null) {
				instance.close();
			}
		}
	}

	@Test
	@Order(1)
	void aRestartInTheMiddleLosesNothingAndDeliversNothingTwice() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver().slowedBy(Duration.ofMillis(40))) {
			DeploymentScenario place = DeploymentScenario.inAcme(this.context)
				.developmentBuild("restart")
				.webhook(receiver.url(), SECRET);
			List<Deployment> deployments = place.requestMany(DEPLOYMENTS, 3);

			AppInstance first = AppInstance.start("first", "200ms");
			try {
				WebhookReceiver.await(DEADLINE, "the first instance to start delivering", () -> receiver.count() >= 20);
			}
			finally {
				// Graceful: the deliveries in progress finish and commit before it is
				// gone.
				first.close();
			}
			Map<String, Long> byFirst = bySender(receiver);
			assertThat(byFirst.get(AppInstance.publicUrl("first"))).isPositive();
			int beforeRestart = receiver.count();

			second = AppInstance.start("second", "200ms");
			awaitAllRunning(deployments);

			assertExactlyOnce(receiver, deployments);
			Map<String, Long> senders = bySender(receiver);
			assertThat(senders.keySet())
				.isSubsetOf(Set.of(AppInstance.publicUrl("first"), AppInstance.publicUrl("second")));
			assertThat(senders.getOrDefault(AppInstance.publicUrl("first"), 0L)).isEqualTo(beforeRestart);
			assertThat(senders.get(AppInstance.publicUrl("second"))).as("dispatched after the restart")
				.isEqualTo(DEPLOYMENTS - beforeRestart);
		}
	}

	@Test
	@Order(2)
	void twoInstancesPollingOneDatabaseDeliverEachDueDeploymentExactlyOnce() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver().slowedBy(Duration.ofMillis(5))) {
			DeploymentScenario place = DeploymentScenario.inAcme(this.context)
				.developmentBuild("twice")
				.webhook(receiver.url(), SECRET);
			if (second == null || !second.isRunning()) {
				second = AppInstance.start("second", "200ms");
			}
			third = AppInstance.start("third", "200ms");

			// Requested while both poll, from three threads, so that every poll of either
			// instance finds a handful of new due deployments the other one sees too.
			List<Deployment> deployments = place.requestMany(DEPLOYMENTS, 3);
			assertThat(deployments).hasSize(DEPLOYMENTS);
			awaitAllRunning(deployments);

			assertExactlyOnce(receiver, deployments);
			Map<String, Long> senders = bySender(receiver);
			assertThat(senders).as("both instances dispatched some")
				.containsOnlyKeys(AppInstance.publicUrl("second"), AppInstance.publicUrl("third"));
		}
	}

	@Test
	@Order(3)
	void anInstanceKilledInTheMiddleLosesNothingAndStartsEachDeploymentOnce() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver().slowedBy(Duration.ofMillis(20))) {
			DeploymentScenario place = DeploymentScenario.inAcme(this.context)
				.developmentBuild("killed")
				.webhook(receiver.url(), SECRET);
			if (second == null || !second.isRunning()) {
				second = AppInstance.start("second", "200ms");
			}
			AppInstance doomed = AppInstance.start("doomed", "200ms");
			List<Deployment> deployments = place.requestMany(KILLED_DEPLOYMENTS, 3);
			WebhookReceiver.await(DEADLINE, "deliveries to be under way", () -> receiver.count() >= 40);
			doomed.kill(database());

			awaitAllRunning(deployments);
			// A delivery cut off by the kill is sent again with the same delivery id (a
			// deployer acts on an id once); no deployment is lost or started twice.
			Map<String, Long> counts = receiver.countsByDeliveryId();
			assertThat(counts.keySet()).as("delivery ids")
				.containsExactlyInAnyOrderElementsOf(
						deployments.stream().map((deployment) -> deployment.deliveryId().toString()).toList());
			long repeated = counts.values().stream().filter((count) -> count > 1).count();
			assertThat(repeated).as("deliveries repeated after the kill (at most those in flight)")
				.isLessThanOrEqualTo(4);
			try (Connection connection = database().getConnection();
					PreparedStatement started = connection
						.prepareStatement("select count(*), count(distinct target_id) from lockstep.audit_events "
								+ "where action = 'deployment.started' and target_id = any(?)")) {
				started.setArray(1, connection.createArrayOf("text",
						deployments.stream().map((deployment) -> deployment.id().toString()).toArray()));
				try (ResultSet result = started.executeQuery()) {
					result.next();
					assertThat(result.getInt(1)).as("'started' audit events").isEqualTo(deployments.size());
					assertThat(result.getInt(2)).isEqualTo(deployments.size());
				}
			}
		}
	}

	private void awaitAllRunning(List<Deployment> deployments) {
		WebhookReceiver.await(DEADLINE, "all " + deployments.size() + " deployments to be running",
				() -> statuses(deployments).getOrDefault("running", 0) == deployments.size());
	}

	/**
	 * One delivery per deployment (by delivery id), each signed with the secret; each
	 * deployment running after one attempt, with one "started" audit event.
	 */
	private void assertExactlyOnce(WebhookReceiver receiver, List<Deployment> deployments) throws SQLException {
		Map<String, Long> counts = receiver.countsByDeliveryId();
		Map<String, Long> duplicates = counts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(duplicates).as("delivery ids the receiver saw more than once").isEmpty();
		assertThat(counts.keySet()).as("delivery ids")
			.containsExactlyInAnyOrderElementsOf(
					deployments.stream().map((deployment) -> deployment.deliveryId().toString()).toList());
		assertThat(receiver.deliveries()).allMatch((delivery) -> delivery.signedWith(SECRET));
		assertThat(receiver.deliveries())
			.extracting((delivery) -> (String) JsonPath.read(delivery.text(), "$.deploymentId"))
			.doesNotHaveDuplicates()
			.hasSize(deployments.size());

		UUID[] ids = ids(deployments);
		try (Connection connection = database().getConnection();
				PreparedStatement attempts = connection.prepareStatement(
						"select count(*) from lockstep.deployments where id = any(?) and dispatch_attempts = 1");
				PreparedStatement started = connection.prepareStatement("select count(*), count(distinct target_id) "
						+ "from lockstep.audit_events where action = 'deployment.started' and target_id = any(?)")) {
			attempts.setArray(1, connection.createArrayOf("uuid", ids));
			try (ResultSet result = attempts.executeQuery()) {
				result.next();
				assertThat(result.getInt(1)).as("deployments started at their first attempt")
					.isEqualTo(deployments.size());
			}
			started.setArray(1, connection.createArrayOf("text",
					deployments.stream().map((deployment) -> deployment.id().toString()).toArray()));
			try (ResultSet result = started.executeQuery()) {
				result.next();
				assertThat(result.getInt(1)).as("'started' audit events").isEqualTo(deployments.size());
				assertThat(result.getInt(2)).as("deployments with a 'started' event").isEqualTo(deployments.size());
			}
		}
	}

	/** How many of the deployments are in each status (read behind the application). */
	private static Map<String, Integer> statuses(List<Deployment> deployments) {
		Map<String, Integer> statuses = new HashMap<>();
		try (Connection connection = database().getConnection();
				PreparedStatement query = connection.prepareStatement(
						"select status, count(*) from lockstep.deployments where id = any(?) group by status")) {
			query.setArray(1, connection.createArrayOf("uuid", ids(deployments)));
			try (ResultSet result = query.executeQuery()) {
				while (result.next()) {
					statuses.put(result.getString(1), result.getInt(2));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return statuses;
	}

	/**
	 * Which instance sent how many deliveries (by the public URL in front of configUrl).
	 */
	private static Map<String, Long> bySender(WebhookReceiver receiver) {
		return receiver.deliveries().stream().collect(Collectors.groupingBy((delivery) -> {
			String url = JsonPath.read(delivery.text(), "$.configUrl");
			return url.substring(0, url.indexOf("/api/"));
		}, Collectors.counting()));
	}

	private static UUID[] ids(List<Deployment> deployments) {
		return deployments.stream().map((deployment) -> deployment.id().value()).toArray(UUID[]::new);
	}

	private static DataSource database() {
		return TestDatabase.get().superuserDataSource();
	}

}
