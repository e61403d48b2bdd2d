package app.lockstep.web.shared;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import app.lockstep.persistence.embedded.DatabaseBootstrap;
import app.lockstep.persistence.testing.TestDatabase;
import app.lockstep.web.testing.AppInstance;
import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops under a running instance, and starts again: while it is down, requests
 * and health fail within seconds (503 with a clear message and Retry-After, health DOWN)
 * instead of waiting 30 s for a connection; when it is back, the instance recovers by
 * itself and nothing accepted before is lost, nothing refused during is half-saved, and
 * the audit chain still verifies. The instance has its own embedded PostgreSQL, so the
 * shared test database is never stopped.
 */
class DatabaseOutageTest {

	private static final Duration FAST = Duration.ofSeconds(5);

	@TempDir
	Path directory;

	EmbeddedPostgres postgres;

	int databasePort;

	AppInstance instance;

	HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeEach
	void anInstanceOnItsOwnDatabase() throws Exception {
		Path data = Files.createDirectories(this.directory.resolve("pgdata"));
		this.postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
		this.databasePort = this.postgres.getPort();
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection()) {
			DatabaseBootstrap.ensureRolesAndDatabase(connection, "lockstep", TestDatabase.OWNER, TestDatabase.APP);
		}
		this.instance = AppInstance.start("outage", "1s", 1,
				Map.of("spring.datasource.url", "jdbc:postgresql://localhost:" + this.databasePort + "/lockstep",
						"spring.datasource.username", TestDatabase.APP.user(), "spring.datasource.password",
						TestDatabase.APP.password(), "spring.flyway.user", TestDatabase.OWNER.user(),
						"spring.flyway.password", TestDatabase.OWNER.password(), "lockstep.scheduler.enabled",
						"false"));
	}

	@AfterEach
	void stop() throws IOException {
		if (this.instance != null) {
			this.instance.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void requestsAndHealthFailFastWhileTheDatabaseIsDownAndRecoverByThemselves() throws Exception {
		HttpClient browser = signedIn();
		String token = token(browser);
		assertThat(send(api("/api/v1/orgs/acme/projects", token).POST(project("before-outage"))).statusCode())
			.isEqualTo(201);

		this.postgres.close();

		for (int i = 0; i < 3; i++) {
			long started = System.nanoTime();
			HttpResponse<String> refused = send(api("/api/v1/orgs/acme/projects", token).GET());
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(refused.body()).contains("cannot reach its database");
		}
		long started = System.nanoTime();
		HttpResponse<String> write = send(api("/api/v1/orgs/acme/projects", token).POST(project("during-outage")));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
		assertThat(write.statusCode()).isEqualTo(503);
		started = System.nanoTime();
		HttpResponse<String> health = send(request("/actuator/health").GET());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("DOWN");
		HttpResponse<String> page = browser.send(request("/orgs/acme").header("Accept", "text/html").GET().build(),
				BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(page.body()).contains("cannot reach its database", "Back to Lockstep");

		this.postgres = EmbeddedPostgres.builder()
			.setDataDirectory(this.directory.resolve("pgdata"))
			.setCleanDataDirectory(false)
			.setPort(this.databasePort)
			.start();

		waitUntil(Duration.ofSeconds(30), () -> send(request("/actuator/health").GET()).statusCode() == 200);
		HttpResponse<String> projects = send(api("/api/v1/orgs/acme/projects", token).GET());
		assertThat(projects.statusCode()).isEqualTo(200);
		assertThat(projects.body()).contains("before-outage").doesNotContain("during-outage");
		assertThat(send(api("/api/v1/orgs/acme/projects", token).POST(project("after-outage"))).statusCode())
			.isEqualTo(201);
		assertThat(
				browser.send(request("/orgs/acme").header("Accept", "text/html").GET().build(), BodyHandlers.ofString())
					.statusCode())
			.isEqualTo(200);
		HttpResponse<String> verified = browser.send(request("/api/v1/orgs/acme/audit/verify").GET().build(),
				BodyHandlers.ofString());
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(verified.body(), "$.verified")).isTrue();
	}

	private static HttpRequest.BodyPublisher project(String slug) {
		return BodyPublishers.ofString("{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
	}

	private HttpRequest.Builder api(String path, String token) {
		return request(path).header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token);
	}

	private HttpRequest.Builder request(String path) {
		String port = this.instance.context().getEnvironment().getProperty("local.server.port");
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpClient signedIn() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String csrf = csrf(browser.send(request("/login").GET().build(), BodyHandlers.ofString()).body());
		HttpResponse<String> login = browser
			.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString("username=owner%40acme.test&password=lockstep-demo&_csrf=" + csrf))
				.build(), BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		return browser;
	}

	private String token(HttpClient browser) throws Exception {
		String csrf = csrf(browser.send(request("/orgs/acme/tokens").GET().build(), BodyHandlers.ofString()).body());
		HttpResponse<String> created = browser.send(request("/api/v1/orgs/acme/tokens")
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", csrf)
			.POST(BodyPublishers.ofString("{\"name\": \"outage\", \"scopes\": [\"config:read\", \"config:write\"]}"))
			.build(), BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		return JsonPath.read(created.body(), "$.token");
	}

	private static String csrf(String page) {
		return page.replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
	}

	/** Polls the condition (every 100 ms) until it holds, failing after the timeout. */
	private static void waitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited %s for the condition", timeout).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}
