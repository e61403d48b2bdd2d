package app.lockstep.web.audit;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import app.lockstep.domain.audit.AuditChain;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.persistence.testing.TestDatabase;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail at scale: fills {@code benchmark.orgs} organizations (1,000) with
 * {@code benchmark.events} chained events (10,000,000; one organization holds
 * {@code benchmark.big} = 1,000,000 of them), then measures over real HTTP against the
 * whole application: a page at a random depth (p50/p95/p99), filtered pages, the export
 * and verification rates of the big chain (with the peak heap while they run), and append
 * rates across organizations and within one. Not part of the normal build: run it with
 * {@code ./mvnw -pl web -am verify -Pbenchmark -Dtest=AuditBenchmark} (results also in
 * web/target/benchmark-audit.txt).
 */
@LockstepTest
class AuditBenchmark {

	private static final int ORGS = Integer.getInteger("benchmark.orgs", 1000);

	private static final long EVENTS = Long.getLong("benchmark.events", 10_000_000L);

	private static final long BIG = Long.getLong("benchmark.big", 1_000_000L);

	/** Which measurements to take: pages, rates (export and verify), appends. */
	private static final String PARTS = System.getProperty("benchmark.parts", "pages,rates,appends");

	private static final int SAMPLES = Integer.getInteger("benchmark.samples", 400);

	/**
	 * Organizations without events that the owner also belongs to, so that a small run
	 * has the owner's many memberships of the full one (1,000).
	 */
	private static final int EXTRA_MEMBERSHIPS = Integer.getInteger("benchmark.memberships", 0);

	private static final String[] ACTIONS = { "project.created", "project.updated", "environment.created",
			"environment.updated", "config.saved", "config.secrets_read", "member.invited", "member.role_changed",
			"token.created", "token.revoked", "deployment.requested", "deployment.approved" };

	private static final String[] PROJECTS = { "shop", "api", "blog", "portal", "billing" };

	private static final String[] ENVIRONMENTS = { "development", "staging", "production" };

	private static final String[] PEOPLE = { "Olivia Owner", "Liam Lead", "Dana Developer", "Ava Auditor",
			"CI pipeline" };

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	Transactions transactions;

	@Autowired
	AuditLog auditLog;

	private final StringBuilder report = new StringBuilder();

	@Test
	void auditTrailAtScale() throws Exception {
		String id = UUID.randomUUID().toString().substring(0, 6);
		String email = "bench-" + id + "@example.test";
		SignUp.Result owner = this.signUp.signUp(new SignUp.Command(email, "Bench Owner", "benchmark-password-1",
				"Bench " + id, "bench-" + id, "UTC", "127.0.0.1"));
		List<Org> orgs = load(owner.user().value(), id);
		line("Data: %d organizations, %,d events (one organization holds %,d), generated and COPYed in %s", ORGS,
				EVENTS, BIG, this.loadTime);
		line("Database size after ANALYZE: %s", this.databaseSize);
		if (EXTRA_MEMBERSHIPS > 0) {
			addMemberships(owner.user().value(), id);
			line("The owner also belongs to %,d organizations without events", EXTRA_MEMBERSHIPS);
		}

		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		login(client, email);
		SplittableRandom random = new SplittableRandom(42);
		Org big = orgs.get(0);
		String chain = String.format("%,d-event chain", big.events);
		String small = String.format("~%,d", orgs.get(1).events);

		if (PARTS.contains("pages")) {
			latency("API page of 50 at a random depth, random org", client, () -> {
				Org org = orgs.get(random.nextInt(orgs.size()));
				return "/api/v1/orgs/" + org.slug + "/audit?limit=50&after=" + (51 + random.nextLong(org.events - 50));
			});
			latency("API page of 50 at a random depth, " + chain, client, () -> "/api/v1/orgs/" + big.slug
					+ "/audit?limit=50&after=" + (51 + random.nextLong(big.events - 50)));
			latency("API page, action filter, random depth, " + chain, client, () -> "/api/v1/orgs/" + big.slug
					+ "/audit?limit=50&action=config.saved&after=" + (51 + random.nextLong(big.events - 50)));
			latency("API page, project+environment, " + chain, client,
					() -> "/api/v1/orgs/" + big.slug + "/audit?limit=50&project=shop&environment=production&after="
							+ (51 + random.nextLong(big.events - 50)));
			latency("API page, one-day time range, " + chain, client, () -> {
				Instant day = Instant.parse("2030-01-01T00:00:00Z").plusSeconds(86400L * random.nextInt(300));
				return "/api/v1/orgs/" + big.slug + "/audit?limit=50&from=" + day + "&to=" + day.plusSeconds(86400);
			});
			latency("API page, one month (random, up to 10 back), " + chain, client, () -> {
				String month = "2030-%02d-01".formatted(1 + random.nextInt(10));
				String next = java.time.LocalDate.parse(month).plusMonths(1).toString();
				return "/api/v1/orgs/" + big.slug + "/audit?limit=50&from=" + month + "&to=" + next;
			});
			latency("API page, free text, random org (" + small + ")", client,
					() -> "/api/v1/orgs/" + orgs.get(1 + random.nextInt(orgs.size() - 1)).slug
							+ "/audit?limit=50&q=billing%20" + random.nextInt(9));
			// The benchmark owner belongs to every organization (its menu would list
			// 1,000):
			// the page is measured as an auditor of the big one.
			String auditor = "bench-auditor-" + id + "@example.test";
			SignUp.Result reader = this.signUp.signUp(new SignUp.Command(auditor, "Bench Auditor",
					"benchmark-password-1", "Bench auditor " + id, "bench-auditor-" + id, "UTC", "127.0.0.1"));
			try (Connection connection = TestDatabase.get().superuserDataSource().getConnection()) {
				connection.createStatement()
					.execute("insert into lockstep.memberships (org_id, user_id, role, created_at) values ('" + big.id
							+ "', '" + reader.user().value() + "', 'AUDITOR', now())");
			}
			HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			login(browser, auditor);
			latency("HTML audit page (first page), " + chain, browser, () -> "/orgs/" + big.slug + "/audit");
			latency("HTML audit page, 3 filters, " + chain, browser,
					() -> "/orgs/" + big.slug + "/audit?action=config.saved&project=shop&q=" + random.nextInt(1000));

		}
		if (PARTS.contains("rates")) {
			// Twice each: the first run also pays for the JIT and for the server's
			// caches.
			for (String run : List.of("first run", "second run")) {
				rate("Export JSON Lines, " + chain + ", " + run, client,
						"/api/v1/orgs/" + big.slug + "/audit/export?format=jsonl", big.events);
				rate("Export CSV, " + chain + ", " + run, client,
						"/api/v1/orgs/" + big.slug + "/audit/export?format=csv", big.events);
				rate("Verify, " + chain + ", " + run, client, "/api/v1/orgs/" + big.slug + "/audit/verify", big.events);
			}
			String march = "from=2030-03-01&to=2030-04-01";
			rate("Export JSON Lines, one month (" + count(big, march) + " events), " + chain, client,
					"/api/v1/orgs/" + big.slug + "/audit/export?format=jsonl&" + march, count(big, march));
			heapDuringExport(client, "/api/v1/orgs/" + big.slug + "/audit/export?format=jsonl");

		}
		if (PARTS.contains("appends")) {
			appends("Appends, 1 thread", List.of(orgs.get(10)), 1);
			List<Org> many = orgs.subList(1, Math.min(orgs.size(), 101));
			appends("Appends, 8 threads, across " + many.size() + " organizations", many, 8);
			appends("Appends, 8 threads, all one organization", List.of(orgs.get(9)), 8);
		}
		String verified = get(client, "/api/v1/orgs/" + orgs.get(9).slug + "/audit/verify");
		assertThat(verified).contains("\"verified\":true");
		report();
	}

	/** The events of an organization in a {@code from=&to=} range. */
	private static long count(Org org, String range) throws Exception {
		String from = range.replaceAll(".*from=([^&]+).*", "$1");
		String to = range.replaceAll(".*to=([^&]+).*", "$1");
		try (Connection connection = TestDatabase.get().superuserDataSource().getConnection();
				var result = connection.createStatement()
					.executeQuery("select count(*) from lockstep.audit_events where org_id = '" + org.id
							+ "' and occurred_at >= '" + from + "' and occurred_at < '" + to + "'")) {
			result.next();
			return result.getLong(1);
		}
	}

	private void report() throws Exception {
		System.out.println(this.report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-audit.txt"), this.report.toString());
	}

	private void addMemberships(UUID user, String id) throws Exception {
		StringBuilder organizations = new StringBuilder();
		StringBuilder memberships = new StringBuilder();
		for (int i = 0; i < EXTRA_MEMBERSHIPS; i++) {
			UUID org = UUID.randomUUID();
			organizations.append(org).append(",m").append(id).append('-').append(i).append(",Member ").append(i);
			organizations.append(",UTC,2030-01-01T00:00:00Z\n");
			memberships.append(org).append(',').append(user).append(",OWNER,2030-01-01T00:00:00Z\n");
		}
		try (Connection connection = TestDatabase.get().superuserDataSource().getConnection()) {
			PGConnection pg = connection.unwrap(PGConnection.class);
			copy(pg, "copy lockstep.organizations (id, slug, name, time_zone, created_at) from stdin (format csv)",
					organizations);
			copy(pg, "copy lockstep.memberships (org_id, user_id, role, created_at) from stdin (format csv)",
					memberships);
			connection.createStatement().execute("analyze lockstep.organizations, lockstep.memberships");
		}
	}

	private record Org(UUID id, String slug, long events) {
	}

	private String loadTime;

	private String databaseSize;

	/** Organizations, the owner's memberships and the chains, COPYed as a superuser. */
	private List<Org> load(UUID user, String id) throws Exception {
		long start = System.nanoTime();
		List<Org> orgs = new ArrayList<>();
		long rest = (EVENTS - BIG) / (ORGS - 1);
		for (int i = 0; i < ORGS; i++) {
			orgs.add(new Org(UUID.randomUUID(), "b" + id + "-" + i, (i == 0) ? BIG : rest));
		}
		try (Connection connection = TestDatabase.get().superuserDataSource().getConnection()) {
			connection.setAutoCommit(false);
			PGConnection pg = connection.unwrap(PGConnection.class);
			StringBuilder organizations = new StringBuilder();
			StringBuilder memberships = new StringBuilder();
			for (Org org : orgs) {
				organizations.append(org.id)
					.append(',')
					.append(org.slug)
					.append(",Bench ")
					.append(org.slug)
					.append(",UTC,2030-01-01T00:00:00Z\n");
				memberships.append(org.id).append(',').append(user).append(",OWNER,2030-01-01T00:00:00Z\n");
			}
			copy(pg, "copy lockstep.organizations (id, slug, name, time_zone, created_at) from stdin (format csv)",
					organizations);
			copy(pg, "copy lockstep.memberships (org_id, user_id, role, created_at) from stdin (format csv)",
					memberships);
			StringBuilder heads = new StringBuilder();
			for (Org org : orgs) {
				heads.append(org.id).append(',').append(org.events).append(',').append(chain(pg, org)).append('\n');
				connection.commit();
			}
			copy(pg, "copy lockstep.audit_heads (org_id, last_seq, last_hash) from stdin (format csv)", heads);
			connection.commit();
			connection.setAutoCommit(true);
			// What a quiet production database looks like after the bulk load: vacuumed
			// and
			// analyzed, the dirty pages written, so autovacuum does not run under the
			// measurements.
			connection.createStatement().execute("vacuum (analyze) lockstep.audit_events");
			connection.createStatement().execute("analyze");
			connection.createStatement().execute("checkpoint");
			try (var result = connection.createStatement()
				.executeQuery("select pg_size_pretty(pg_database_size(current_database()))")) {
				result.next();
				this.databaseSize = result.getString(1);
			}
		}
		this.loadTime = String.format("%.0f s", (System.nanoTime() - start) / 1e9);
		return orgs;
	}

	/** Writes one organization's chain; answers its head hash. */
	private static String chain(PGConnection pg, Org org) throws Exception {
		OrgId orgId = new OrgId(org.id);
		SplittableRandom random = new SplittableRandom(org.id.getLeastSignificantBits());
		String[] actorIds = new String[PEOPLE.length];
		for (int i = 0; i < actorIds.length; i++) {
			actorIds[i] = new UUID(org.id.getMostSignificantBits(), i).toString();
		}
		CopyIn copy = pg.getCopyAPI()
			.copyIn("copy lockstep.audit_events (org_id, seq, occurred_at, actor_type, actor_id, actor_name, action,"
					+ " target_type, target_id, project_slug, environment_name, details, ip, prev_hash, hash)"
					+ " from stdin (format csv)");
		StringBuilder rows = new StringBuilder(1 << 20);
		String previous = AuditChain.GENESIS;
		Instant at = Instant.parse("2030-01-01T00:00:00Z");
		long step = Math.max(1, 300L * 86400 * 1000 / org.events);
		for (long seq = 1; seq <= org.events; seq++) {
			at = at.plusMillis(1 + random.nextLong(2 * step));
			int who = random.nextInt(PEOPLE.length);
			String action = ACTIONS[random.nextInt(ACTIONS.length)];
			String project = PROJECTS[random.nextInt(PROJECTS.length)];
			String environment = action.startsWith("project") || action.startsWith("member")
					|| action.startsWith("token") ? null : ENVIRONMENTS[random.nextInt(ENVIRONMENTS.length)];
			Map<String, Object> details = new LinkedHashMap<>();
			if (action.endsWith("updated") || action.endsWith("role_changed")) {
				details.put("changes",
						Map.of("name", Map.of("before", project + " " + (seq - 1), "after", project + " " + seq)));
			}
			else {
				details.put("revision", seq);
				details.put("summary", project + " " + random.nextInt(10) + " php 8.3 → 8.4");
			}
			Actor actor = new Actor((who == 4) ? Actor.Type.TOKEN : Actor.Type.USER, actorIds[who], PEOPLE[who],
					"10.0." + random.nextInt(256) + "." + random.nextInt(256));
			Map<String, Object> normalized = AuditChain.normalize(details);
			String targetId = UUID.randomUUID().toString();
			String canonical = AuditChain.canonicalJson(AuditChain.fields(orgId, seq, at, actor, action,
					action.substring(0, action.indexOf('.')), targetId, project, environment, normalized));
			String hash = AuditChain.hash(previous, canonical);
			rows.append(org.id)
				.append(',')
				.append(seq)
				.append(',')
				.append(AuditChain.formatAt(at))
				.append(',')
				.append(actor.type())
				.append(',')
				.append(actor.id())
				.append(',')
				.append(csv(actor.name()))
				.append(',')
				.append(action)
				.append(',')
				.append(action, 0, action.indexOf('.'))
				.append(',')
				.append(targetId)
				.append(',')
				.append(project)
				.append(',')
				.append((environment != null) ? environment : "")
				.append(',')
				.append(csv(AuditChain.canonicalJson(normalized)))
				.append(',')
				.append(actor.ip())
				.append(',')
				.append(previous)
				.append(',')
				.append(hash)
				.append('\n');
			previous = hash;
			if (rows.length() > (1 << 20) - 4096) {
				byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
				copy.writeToCopy(bytes, 0, bytes.length);
				rows.setLength(0);
			}
		}
		byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		copy.endCopy();
		return previous;
	}

	private static String csv(String text) {
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private static void copy(PGConnection pg, String sql, CharSequence rows) throws Exception {
		CopyIn copy = pg.getCopyAPI().copyIn(sql);
		byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		copy.endCopy();
	}

	private void latency(String name, HttpClient client, Supplier<String> paths) throws Exception {
		for (int i = 0; i < 30; i++) {
			get(client, paths.get());
		}
		long[] samples = new long[SAMPLES];
		for (int i = 0; i < SAMPLES; i++) {
			String path = paths.get();
			long start = System.nanoTime();
			get(client, path);
			samples[i] = System.nanoTime() - start;
		}
		Arrays.sort(samples);
		line("%-52s p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  (%d requests, 1 client)", name,
				samples[SAMPLES / 2] / 1e6, samples[(int) (SAMPLES * 0.95)] / 1e6,
				samples[(int) (SAMPLES * 0.99)] / 1e6, SAMPLES);
	}

	private void rate(String name, HttpClient client, String path, long events) throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long before = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(before);
		AtomicBoolean running = new AtomicBoolean(true);
		Thread sampler = Thread.ofPlatform().daemon().start(() -> {
			while (running.get()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		long start = System.nanoTime();
		HttpResponse<InputStream> response = client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		long bytes = 0;
		try (InputStream body = response.body()) {
			byte[] buffer = new byte[1 << 16];
			int read;
			while ((read = body.read(buffer)) > 0) {
				bytes += read;
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		running.set(false);
		sampler.join();
		assertThat(response.statusCode()).isEqualTo(200);
		line("%-52s %9.0f events/s  %6.1f MB/s  %6.1f s  (%,d bytes; heap %d MB before, peak %d MB)", name,
				events / seconds, bytes / seconds / 1e6, seconds, bytes, before >> 20, peak.get() >> 20);
	}

	/**
	 * Memory, not speed: collects garbage every second while the export streams and keeps
	 * the largest heap that survives, against the heap before it started.
	 */
	private void heapDuringExport(HttpClient client, String path) throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long before = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong();
		AtomicBoolean running = new AtomicBoolean(true);
		Thread collector = Thread.ofPlatform().daemon().start(() -> {
			while (running.get()) {
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
				System.gc();
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
			}
		});
		HttpResponse<InputStream> response = client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			body.transferTo(java.io.OutputStream.nullOutputStream());
		}
		running.set(false);
		collector.join();
		line("%-52s heap after GC: %d MB before, at most %d MB while streaming (sampled every second)",
				"Memory during the JSON Lines export", before >> 20, peak.get() >> 20);
	}

	private void appends(String name, List<Org> orgs, int threads) throws Exception {
		long duration = Long.getLong("benchmark.seconds", 15) * 1_000_000_000L;
		long end = System.nanoTime() + duration;
		AtomicLong count = new AtomicLong();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				SplittableRandom random = new SplittableRandom(t);
				futures.add(pool.submit(() -> {
					while (System.nanoTime() < end) {
						OrgId org = new OrgId(orgs.get(random.nextInt(orgs.size())).id);
						this.transactions.inTenant(org, () -> {
							this.auditLog.append(org, Actor.system("benchmark"),
									AuditEntry.of("benchmark.appended", "benchmark", null)
										.detail("thread", Thread.currentThread().getName())
										.build());
							return null;
						});
						count.incrementAndGet();
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		line("%-52s %9.0f appends/s (one event per transaction, %d s)", name, count.get() / (duration / 1e9),
				duration / 1_000_000_000L);
	}

	private String get(HttpClient client, String path) throws Exception {
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private void login(HttpClient client, String email) throws Exception {
		URI login = URI.create("http://localhost:" + this.port + "/login");
		String page = client.send(HttpRequest.newBuilder(login).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body();
		String token = page.replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(login)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + email.replace("@", "%40") + "&password=benchmark-password-1&_csrf=" + token))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
	}

	private void line(String format, Object... args) {
		this.report.append(String.format(format, args)).append('\n');
	}

}
