package app.lockstep.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import app.lockstep.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link TestLockstepApplication} starts Lockstep on its PostgreSQL 17 container (through
 * {@code @ServiceConnection}), migrated by the owner role, serving as the runtime role.
 * Needs a Docker engine that can start the image ({@code LOCKSTEP_POSTGRES_IMAGE} for a
 * local one); skipped without one, unless {@code LOCKSTEP_TEST_DATABASE=container} (as in
 * CI) says the container path must be proven.
 */
class TestLockstepApplicationTest {

	@Test
	void lockstepRunsOnAPostgresContainerAsItsRuntimeRole() throws Exception {
		if (!TestDatabase.containerRequired()) {
			assumeTrue(dockerAvailable(), "no Docker engine");
		}
		Map<String, String> before = new HashMap<>();
		LocalPostgresContainer.properties().keySet().forEach((key) -> before.put(key, System.getProperty(key)));
		LocalPostgresContainer.useTheRoles();
		try (ConfigurableApplicationContext context = SpringApplication.from(LockstepApplication::main)
			.with(LocalPostgresContainer.class)
			.run("--server.port=0", "--lockstep.demo=true", "--lockstep.scheduler.enabled=false")
			.getApplicationContext()) {
			String port = context.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> health = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(LocalPostgresContainer.APP);
			assertThat(jdbc.queryForObject("select version()", String.class)).contains("PostgreSQL 17");
		}
		finally {
			before.forEach((key, value) -> {
				if (value == null) {
					System.clearProperty(key);
				}
				else {
					System.setProperty(key, value);
				}
			});
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}
