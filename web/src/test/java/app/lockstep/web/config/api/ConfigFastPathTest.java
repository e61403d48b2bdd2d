package app.lockstep.web.config.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.domain.token.RevokeApiToken;
import app.lockstep.persistence.cache.DatabaseInvalidations;
import app.lockstep.persistence.testing.TestDatabase;
import app.lockstep.web.config.ConfigFixtures;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import app.lockstep.web.testing.WebhookReceiver;
import app.lockstep.web.token.TokenTestSupport;
import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The config GET's fast path ({@link ConfigFastPath}) answers exactly as the normal path
 * does, over real HTTP: the same status, headers and bytes for every format and for a
 * 304, the same durable record of the read, the same meters; and every refusal (a bad,
 * unknown or revoked token, a missing scope, a token limited to another project, another
 * organization, a role that may not read secrets) is the normal path's own answer, never
 * a config.
 */
@LockstepTest
class ConfigFastPathTest {

	private static final AtomicInteger REQUESTS = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	ConfigFastPath fastPath;

	@Autowired
	CreateProject createProject;

	@Autowired
	CreateEnvironment createEnvironment;

	@Autowired
	SaveConfigRevision save;

	@Autowired
	RevokeApiToken revoke;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	@Autowired
	DatabaseInvalidations invalidations;

	@Autowired
	MeterRegistry registry;

	@Autowired
	MutableClock clock;

	private final HttpClient http = HttpClient.newHttpClient();

	String project;

	String path;

	String tokenJson;

	String token;

	@BeforeEach
	void configured() throws Exception {
		Caller owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		this.project = ConfigFixtures.project(this.createProject, this.createEnvironment, owner);
		this.save.save(owner,
				new SaveConfigRevision.Command(this.project, "production", null, ConfigFixtures.SPEC,
						List.of(new VariableInput("API_KEY", "fast-\"é\"-" + this.project, true, Visibility.RUNTIME),
								new VariableInput("LOG_LEVEL", "info", false, Visibility.BOTH)),
						"first"));
		this.path = "/api/v1/orgs/acme/projects/" + this.project + "/environments/production/config";
		this.tokenJson = TokenTestSupport.create(this.mvc, "dev@acme.test",
				"{\"name\": \"fast path\", \"scopes\": [\"config:read\"]}");
		this.token = JsonPath.read(this.tokenJson, "$.token");
		WebhookReceiver.await(Duration.ofSeconds(10), "the cache listener to listen", this.invalidations::trusted);
		// The first read loads the caches and records the token's use (which forgets the
		// cached token on every instance); from then on the fast path answers.
		WebhookReceiver.await(Duration.ofSeconds(5), "the fast path to answer",
				() -> this.fastPath.lastAnswered(call(this.path, this.token).requestId()));
	}

	@AfterEach
	void enabledAgain() {
		this.fastPath.enabled(true);
		this.clock.release();
	}

	@Test
	void everyFormatAnswersTheSameStatusHeadersAndBytesAsTheNormalPath() throws Exception {
		for (String query : List.of("", "?format=json", "?format=yaml", "?format=upsun", "?format=dotenv",
				"?format=dotenv&dialect=python-dotenv", "?dialect=portable&format=dotenv")) {
			Answer normal = normal(this.path + query, this.token);
			Fast fast = fast(this.path + query);
			assertThat(fast.recorded()).as("the read of %s is recorded", query).isEqualTo(1);
			assertThat(fast.answer().status()).isEqualTo(200);
			assertThat(fast.answer()).as(query).isEqualTo(normal);
		}
	}

	@Test
	void a304IsTheSameAsTheNormalPathsAndRecordsNothing() throws Exception {
		Answer first = get(this.path, this.token);
		String etag = first.headers().get("etag").get(0);
		for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"r0-p0-json\", " + etag, "*")) {
			Answer normal = normal(this.path, this.token, "If-None-Match", ifNoneMatch);
			Fast fast = fast(this.path, "If-None-Match", ifNoneMatch);
			assertThat(fast.recorded()).isZero();
			assertThat(fast.answer().status()).isEqualTo(304);
			assertThat(fast.answer()).as(ifNoneMatch).isEqualTo(normal);
		}
		// A stale ETag gets the full answer, the same on both paths.
		Answer stale = get(this.path, this.token, "If-None-Match", "\"r0-p0-json\"");
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale).isEqualTo(normal(this.path, this.token, "If-None-Match", "\"r0-p0-json\""));
	}

	@Test
	void theMetersCountFastAnswersAsTheNormalPathDoes() throws Exception {
		get(this.path + "?format=yaml", this.token);
		double sent = reads("yaml", "sent");
		double notModified = reads("yaml", "not_modified");
		Answer answer = get(this.path + "?format=yaml", this.token);
		get(this.path + "?format=yaml", this.token, "If-None-Match", answer.headers().get("etag").get(0));
		assertThat(reads("yaml", "sent")).isEqualTo(sent + 1);
		assertThat(reads("yaml", "not_modified")).isEqualTo(notModified + 1);
	}

	@Test
	void refusalsAreTheNormalPathsAnswers() throws Exception {
		get(this.path, this.token);
		String viewer = TokenTestSupport.secret(this.mvc, "viewer@acme.test", "config:read");
		String withoutScope = TokenTestSupport.secret(this.mvc, "owner@acme.test", "audit:read");
		String limited = JsonPath.read(TokenTestSupport.create(this.mvc, "dev@acme.test",
				"{\"name\": \"shop only\", \"scopes\": [\"config:read\"], \"project\": \"shop\"}"), "$.token");
		String otherOrganization = "/api/v1/orgs/globex/projects/" + this.project + "/environments/production/config";
		String unknown = "lst_" + "A".repeat(43);
		record Refusal(String what, String path, String token, int status) {
		}
		List<Refusal> refusals = new ArrayList<>(List.of(new Refusal("malformed token", this.path, "not-a-token", 401),
				new Refusal("unknown token", this.path, unknown, 401),
				new Refusal("a role that may not read secrets", this.path, viewer, 403),
				new Refusal("a token without config:read", this.path, withoutScope, 403),
				new Refusal("a token limited to another project", this.path, limited, 404),
				new Refusal("another organization", otherOrganization, this.token, 404)));
		for (Refusal refusal : refusals) {
			// Twice each, so that whatever could be cached is.
			get(refusal.path(), refusal.token());
			int recorded = recordedReads();
			Answer fast = get(refusal.path(), refusal.token());
			assertThat(fast.status()).as(refusal.what()).isEqualTo(refusal.status());
			assertThat(fast.body()).as(refusal.what()).doesNotContain("fast-");
			assertThat(this.fastPath.lastAnswered(fast.requestId())).as(refusal.what()).isFalse();
			assertThat(recordedReads()).as(refusal.what()).isEqualTo(recorded);
			assertThat(fast).as(refusal.what()).isEqualTo(normal(refusal.path(), refusal.token()));
		}
	}

	@Test
	void aRevokedTokenIsRefusedWithinASecondAsTheNormalPathRefusesIt() throws Exception {
		assertThat(get(this.path, this.token).status()).isEqualTo(200);
		this.revoke.revoke(ConfigFixtures.caller(this.users, this.memberships, this.transactions, "dev@acme.test"),
				UUID.fromString(JsonPath.read(this.tokenJson, "$.id")));
		WebhookReceiver.await(Duration.ofSeconds(1), "the revoked token to be refused",
				() -> call(this.path, this.token).status() == 401);
		Answer fast = get(this.path, this.token);
		assertThat(fast.body()).contains("revoked").doesNotContain("fast-");
		assertThat(fast).isEqualTo(normal(this.path, this.token));
	}

	@Test
	void anExpiredTokenIsRefusedAsTheNormalPathRefusesIt() throws Exception {
		String created = TokenTestSupport.create(this.mvc, "dev@acme.test",
				"{\"name\": \"one day\", \"scopes\": [\"config:read\"], \"expiresInDays\": 1}");
		String oneDay = JsonPath.read(created, "$.token");
		get(this.path, oneDay);
		Answer beforeExpiry = get(this.path, oneDay);
		assertThat(beforeExpiry.status()).isEqualTo(200);
		int recorded = recordedReads();
		this.clock.pin(Instant.parse(JsonPath.read(created, "$.expiresAt")).plusSeconds(1));
		Answer fast = get(this.path, oneDay);
		assertThat(fast.status()).isEqualTo(401);
		assertThat(fast.body()).containsIgnoringCase("expired").doesNotContain("fast-");
		assertThat(this.fastPath.lastAnswered(fast.requestId())).isFalse();
		assertThat(recordedReads()).isEqualTo(recorded);
		assertThat(fast).isEqualTo(normal(this.path, oneDay));
	}

	@Test
	void unusualRequestsTakeTheNormalPath() throws Exception {
		get(this.path, this.token);
		List<Answer> answers = List.of(get(this.path + "?revision=1", this.token),
				get(this.path + "?format=JSON", this.token), get(this.path + "?format=xml", this.token),
				get(this.path, this.token, "If-Match", "\"r0-p0-json\""),
				get(this.path, this.token, "Accept", "text/html"));
		assertThat(answers.subList(0, 4)).extracting(Answer::status).containsExactly(200, 200, 422, 200);
		assertThat(answers.get(4).status()).isIn(200, 406);
		for (Answer answer : answers) {
			assertThat(this.fastPath.lastAnswered(answer.requestId())).isFalse();
		}
	}

	private double reads(String format, String outcome) {
		return this.registry.get("lockstep.config.reads")
			.tag("format", format)
			.tag("outcome", outcome)
			.counter()
			.count();
	}

	private int recordedReads() {
		return new JdbcTemplate(TestDatabase.get().superuserDataSource()).queryForObject(
				"select coalesce(sum(reads), 0) from lockstep.secret_reads where project_slug = ?", Integer.class,
				this.project);
	}

	/**
	 * The fast path's answer. A cached token is forgotten on every instance when its use
	 * is recorded (once a minute), and that arrives shortly after the request that
	 * recorded it: until then a request may take the normal path, so this asks again (for
	 * up to two seconds) until the fast path answers.
	 */
	private Fast fast(String path, String... headers) throws Exception {
		long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		while (true) {
			int recorded = recordedReads();
			Answer answer = get(path, this.token, headers);
			if (this.fastPath.lastAnswered(answer.requestId())) {
				return new Fast(answer, recordedReads() - recorded);
			}
			assertThat(System.nanoTime()).as("the fast path to answer %s", path).isLessThan(end);
		}
	}

	/** The normal path's answer (the fast path switched off for the request). */
	private Answer normal(String path, String token, String... headers) throws Exception {
		this.fastPath.enabled(false);
		try {
			return get(path, token, headers);
		}
		finally {
			this.fastPath.enabled(true);
		}
	}

	private Answer call(String path, String token) {
		try {
			return get(path, token);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Answer get(String path, String token, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.header("X-Request-Id", "fast-path-test-" + REQUESTS.incrementAndGet());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		String requestId = request.build().headers().firstValue("X-Request-Id").orElseThrow();
		HttpResponse<String> response = this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		Map<String, List<String>> kept = new TreeMap<>();
		response.headers().map().forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!lower.equals("date") && !lower.equals("keep-alive") && !lower.equals("connection")
					&& !lower.equals("x-request-id")) {
				kept.put(lower, values);
			}
		});
		// The request id is each request's own, echoed on both paths.
		assertThat(response.headers().firstValue("X-Request-Id")).contains(requestId);
		return new Answer(response.statusCode(), kept, response.body(), requestId);
	}

	/** The fast path's answer and how many reads were recorded while it answered. */
	record Fast(Answer answer, int recorded) {
	}

	/** Status, headers but the request id, and body: equal for equal answers. */
	record Answer(int status, Map<String, List<String>> headers, String body, String requestId) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Answer answer && this.status == answer.status && this.headers.equals(answer.headers)
					&& this.body.equals(answer.body);
		}

		@Override
		public int hashCode() {
			return this.status;
		}

	}

}
