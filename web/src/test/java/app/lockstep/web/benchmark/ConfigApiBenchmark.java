package app.lockstep.web.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.EnvironmentInput;
import app.lockstep.domain.project.ProjectInput;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.Membership;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput and latency of the config API for a 200-variable config (20 of them
 * sensitive), uncached and with If-None-Match (304), over real HTTP against the whole
 * application. Not part of the normal build: run it with
 * {@code ./mvnw -pl web -am verify -Pbenchmark} (results also in
 * web/target/benchmark-config-api.txt).
 */
@LockstepTest
class ConfigApiBenchmark {

	private static final int CLIENTS = Integer.getInteger("benchmark.clients", 8);

	private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmup", 5));

	private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("benchmark.seconds", 15));

	@LocalServerPort
	int port;

	@Autowired
	CreateProject createProject;

	@Autowired
	CreateEnvironment createEnvironment;

	@Autowired
	SaveConfigRevision save;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	@Test
	void configApiWith200Variables() throws Exception {
		var owner = this.transactions.global(() -> this.users.findByEmail("owner@acme.test")).orElseThrow();
		Membership membership = this.memberships.in(owner.id(), "acme").orElseThrow();
		Caller caller = new Caller(membership.organization(), owner.id(), owner.name(), membership.role(), null);
		String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		this.createProject.create(caller, new ProjectInput(slug, "Benchmark", null, null));
		this.createEnvironment.create(caller, slug, new EnvironmentInput("production", "PRODUCTION", null, null, null));
		List<VariableInput> variables = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			variables.add(new VariableInput("VARIABLE_" + i, "value-" + i + "-" + "x".repeat(40), i % 10 == 0,
					Visibility.BOTH));
		}
		this.save.save(caller, new SaveConfigRevision.Command(slug, "production", null, """
				applications:
				  app:
				    type: php:8.3
				    relationships:
				      database: "db:mysql"
				services:
				  db:
				    type: mariadb:10.11
				""", variables, "benchmark"));
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		login(client);
		URI uri = URI.create("http://localhost:" + this.port + "/api/v1/orgs/acme/projects/" + slug
				+ "/environments/production/config");
		HttpResponse<String> first = client.send(HttpRequest.newBuilder(uri).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(first.statusCode()).isEqualTo(200);
		String etag = first.headers().firstValue("ETag").orElseThrow();

		String report = "Config API, 200 variables (20 sensitive), " + first.body().length() + " bytes of JSON, "
				+ CLIENTS + " concurrent clients, " + MEASURE.toSeconds() + " s each\n"
				+ run("uncached (200, decrypts and audits)", client, HttpRequest.newBuilder(uri).GET().build(), 200)
				+ run("cached (If-None-Match, 304)", client,
						HttpRequest.newBuilder(uri).header("If-None-Match", etag).GET().build(), 304);
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-config-api.txt"), report);
	}

	private String run(String name, HttpClient client, HttpRequest request, int expected) throws Exception {
		measure(client, request, expected, WARM_UP);
		long[] latencies = measure(client, request, expected, MEASURE);
		Arrays.sort(latencies);
		double seconds = MEASURE.toNanos() / 1e9;
		return String.format("%-40s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d requests)%n", name,
				latencies.length / seconds, latencies[latencies.length / 2] / 1e6,
				latencies[(int) (latencies.length * 0.99)] / 1e6, latencies.length);
	}

	private long[] measure(HttpClient client, HttpRequest request, int expected, Duration duration) throws Exception {
		long end = System.nanoTime() + duration.toNanos();
		List<Future<List<Long>>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
			for (int c = 0; c < CLIENTS; c++) {
				results.add(pool.submit(() -> {
					List<Long> samples = new ArrayList<>();
					while (System.nanoTime() < end) {
						long start = System.nanoTime();
						HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
						samples.add(System.nanoTime() - start);
						if (response.statusCode() != expected) {
							throw new IllegalStateException("Unexpected status " + response.statusCode());
						}
					}
					return samples;
				}));
			}
			List<Long> all = new ArrayList<>();
			for (Future<List<Long>> result : results) {
				all.addAll(result.get());
			}
			return all.stream().mapToLong(Long::longValue).toArray();
		}
	}

	private void login(HttpClient client) throws Exception {
		URI login = URI.create("http://localhost:" + this.port + "/login");
		String page = client.send(HttpRequest.newBuilder(login).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body();
		String token = page.replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(login)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=owner%40acme.test&password=lockstep-demo&_csrf=" + token))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
	}

}
