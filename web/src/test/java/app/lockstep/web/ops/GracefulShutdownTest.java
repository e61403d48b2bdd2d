package app.lockstep.web.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import app.lockstep.web.testing.AppInstance;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping an instance (what Kubernetes does with SIGTERM) drains it: a request in flight
 * when the stop begins is answered in full, and the stop waits for it, instead of the
 * connection being cut.
 */
@LockstepTest
class GracefulShutdownTest {

	private AppInstance instance;

	@AfterEach
	void tearDown() {
		SlowHealthForTests.sleepMillis = 0;
		if (this.instance != null) {
			this.instance.close();
		}
	}

	@Test
	void aRequestInFlightIsAnsweredBeforeTheInstanceStops() throws Exception {
		this.instance = AppInstance.start("drain", "1s", 1, Map.of("lockstep.scheduler.enabled", "false"));
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		SlowHealthForTests.slow(1500);
		CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.instance.port() + "/actuator/health"))
					.timeout(Duration.ofSeconds(20))
					.GET()
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(SlowHealthForTests.entered.await(10, TimeUnit.SECONDS)).as("the request is in flight").isTrue();

		long stopping = System.nanoTime();
		this.instance.close();
		long stopMillis = (System.nanoTime() - stopping) / 1_000_000;

		HttpResponse<String> answer = inFlight.get(5, TimeUnit.SECONDS);
		assertThat(answer.statusCode()).as("answered, not cut off").isIn(200, 503);
		assertThat(answer.body()).contains("\"status\"");
		assertThat(stopMillis).as("the stop waited for the request").isGreaterThanOrEqualTo(1000);
	}

}
