package app.lockstep.web.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.domain.access.Caller;
import app.lockstep.persistence.testing.TestDatabase;
import app.lockstep.web.testing.AppInstance;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import app.lockstep.web.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment scheduler under a burst: N deployments (default 2000,
 * {@code -Dbenchmark.deployments}) of one webhook-target environment all due at the same
 * instant, dispatched by a real application instance whose scheduler polls (every
 * {@code -Dbenchmark.poll}, default 1s, with {@code -Dbenchmark.workers}, default 4, the
 * application's default) to a local receiver that answers 202 at once (or after
 * {@code -Dbenchmark.receiver-delay-ms}). Reports the throughput (deliveries per second
 * from the first to the last one) and the dispatch delay (receiver's receive time minus
 * the due instant): p50, p95, p99 and max. Not part of the normal build: run it with
 * {@code ./mvnw -pl web -am verify -Pbenchmark -Dtest=DispatchBenchmark} (results also in
 * web/target/benchmark-dispatch.txt). The profile sets {@code lockstep.benchmark=true}; a
 * test run whose pattern matches this class ({@code -Dtest='Dispatch*'}) skips it.
 * <p>
 * The deployments are requested through the use cases, scheduled an hour ahead; then one
 * UPDATE moves all their due times to the same instant a few seconds ahead, so that they
 * become due together while the instance is already polling (requesting 2000 takes longer
 * than any schedule could be guessed ahead).
 */
@LockstepTest
@EnabledIfSystemProperty(named = "lockstep.benchmark", matches = "true",
		disabledReason = "a benchmark: runs with -Pbenchmark, not with -Dtest='Dispatch*'")
class DispatchBenchmark {

	private static final int DEPLOYMENTS = Integer.getInteger("benchmark.deployments", 2000);

	private static final String POLL = System.getProperty("benchmark.poll", "1s");

	private static final int WORKERS = Integer.getInteger("benchmark.workers", 4);

	private static final long RECEIVER_DELAY_MS = Long.getLong("benchmark.receiver-delay-ms", 0);

	private static final String SECRET = "whsec-benchmark-0123456789";

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Test
	void burstOfDueDeployments() throws Exception {
		this.clock.release();
		DeploymentScenario acme = DeploymentScenario.inAcme(this.context);
		try (WebhookReceiver receiver = new WebhookReceiver().slowedBy(Duration.ofMillis(RECEIVER_DELAY_MS));
				AppInstance instance = AppInstance.start("benchmark", POLL, WORKERS, Map.of())) {
			DeploymentScenario place = DeploymentScenario.inAcme(this.context)
				.developmentBuild("bench-dispatch")
				.webhook(receiver.url(), SECRET);
			Caller owner = acme.owner();
			RequestDeployment request = this.context.getBean(RequestDeployment.class);
			Instant later = Instant.now().plus(Duration.ofHours(1));
			long requestStart = System.nanoTime();
			List<Deployment> deployments = DeploymentScenario.parallel(DEPLOYMENTS, 4, () -> request.request(owner,
					place.slug(), place.environment(),
					new RequestDeployment.Input(DeploymentScenario.VERSION, null, later, "reject", null, false, null)));
			double requestSeconds = (System.nanoTime() - requestStart) / 1e9;
			assertThat(deployments).hasSize(DEPLOYMENTS);

			Instant due = Instant.now().plusSeconds(3);
			try (Connection connection = TestDatabase.get().superuserDataSource().getConnection();
					PreparedStatement update = connection
						.prepareStatement("update lockstep.deployments set due_at = ? where id = any(?)")) {
				update.setTimestamp(1, Timestamp.from(due));
				update.setArray(2, connection.createArrayOf("uuid",
						deployments.stream().map((deployment) -> deployment.id().value()).toArray(UUID[]::new)));
				assertThat(update.executeUpdate()).isEqualTo(DEPLOYMENTS);
			}
			assertThat(receiver.count()).as("nothing delivered before it is due").isZero();

			WebhookReceiver.await(Duration.ofSeconds(60 + DEPLOYMENTS / 10), "all deliveries",
					() -> receiver.count() >= DEPLOYMENTS);
			List<WebhookReceiver.Delivery> deliveries = receiver.deliveries();
			assertThat(receiver.countsByDeliveryId()).hasSize(DEPLOYMENTS).allSatisfy((id, count) -> {
				assertThat(count).as("deliveries of " + id).isEqualTo(1L);
			});

			long[] delays = deliveries.stream()
				.mapToLong((delivery) -> Duration.between(due, delivery.receivedAt()).toMillis())
				.sorted()
				.toArray();
			long first = deliveries.stream().mapToLong(WebhookReceiver.Delivery::receivedNanos).min().orElseThrow();
			long last = deliveries.stream().mapToLong(WebhookReceiver.Delivery::receivedNanos).max().orElseThrow();
			double spread = (last - first) / 1e9;
			String report = String.format("""
					Dispatch: %d deployments due at the same instant, one instance polling every %s with %d workers,
					local receiver answering 202 after %d ms (%d deployments requested through the use cases in %.1f s)
					throughput     %8.1f deployments/s (first to last delivery: %.2f s)
					dispatch delay p50 %6d ms  p95 %6d ms  p99 %6d ms  max %6d ms  (min %d ms)
					""", DEPLOYMENTS, POLL, WORKERS, RECEIVER_DELAY_MS, DEPLOYMENTS, requestSeconds,
					(DEPLOYMENTS - 1) / Math.max(spread, 1e-3), spread, percentile(delays, 0.50),
					percentile(delays, 0.95), percentile(delays, 0.99), delays[delays.length - 1], delays[0]);
			System.out.println(report);
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target", "benchmark-dispatch.txt"), report);
		}
	}

	private static long percentile(long[] sorted, double p) {
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
