package app.lockstep.web.config.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.lockstep.domain.config.FoldSecretReads;
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
import app.lockstep.web.testing.Demo;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.RoundTrips;
import app.lockstep.web.testing.SessionCache;
import app.lockstep.web.testing.WebhookReceiver;
import app.lockstep.web.token.TokenTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The deployer's hot path with warm caches: no database round trip of its own for a full
 * answer with secrets (the durable record of the read is committed, before the answer
 * leaves, by the writer that records all concurrent reads in one batch), none for a 304;
 * and every change that matters (a new revision, a revoked token) in effect within a
 * second.
 */
@LockstepTest
class ConfigHotPathTest {

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	@Autowired
	MockMvc mvc;

	@Autowired
	CreateProject createProject;

	@Autowired
	CreateEnvironment createEnvironment;

	@Autowired
	SaveConfigRevision save;

	@Autowired
	RevokeApiToken revoke;

	@Autowired
	FoldSecretReads fold;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	@Autowired
	DatabaseInvalidations invalidations;

	@Autowired
	JdbcTemplate jdbc;

	Caller owner;

	String project;

	String url;

	String tokenJson;

	String token;

	@BeforeEach
	void configured() throws Exception {
		this.owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		String project = ConfigFixtures.project(this.createProject, this.createEnvironment, this.owner);
		this.project = project;
		this.save.save(this.owner,
				new SaveConfigRevision.Command(project, "production", null, ConfigFixtures.SPEC,
						List.of(new VariableInput("API_KEY", "hot-" + project, true, Visibility.RUNTIME),
								new VariableInput("LOG_LEVEL", "info", false, Visibility.BOTH)),
						"first"));
		this.url = "/api/v1/orgs/acme/projects/" + project + "/environments/production/config";
		this.tokenJson = TokenTestSupport.create(this.mvc, "dev@acme.test",
				"{\"name\": \"hot path\", \"scopes\": [\"config:read\"]}");
		this.token = JsonPath.read(this.tokenJson, "$.token");
		WebhookReceiver.await(Duration.ofSeconds(10), "the cache listener to listen", this.invalidations::trusted);
	}

	@Test
	void aWarmFullReadCostsOneRoundTripAndA304None() throws Exception {
		MvcResult first = get200();
		get200();
		String etag = first.getResponse().getHeader("ETag");

		int recorded = recordedReads();
		assertThat(RoundTrips.during(this::get200))
			.as("round trips of a full 200 with secrets on the request's own thread")
			.isZero();
		// The read's record, committed before the answer left, by the group-commit writer
		// (one batch and one commit for all the reads that arrived together).
		assertThat(recordedReads()).isEqualTo(recorded + 1);
		assertThat(RoundTrips.during(() -> this.mvc
			.perform(get(this.url).header("If-None-Match", etag).with(TokenTestSupport.bearer(this.token)))
			.andExpect(status().isNotModified()))).as("round trips of a 304").isZero();
	}

	/**
	 * Opening the dashboard remembers the person's last organization (an update of their
	 * row): that is not what cached tokens and memberships hold, so it must not empty
	 * them on this instance (it did, for every instance's config polls on every view).
	 */
	@Test
	void viewingTheDashboardKeepsTheCachesWarm() throws Exception {
		get200();
		get200();
		SessionCache sessions = new SessionCache(this.mvc);
		this.mvc.perform(get("/orgs/acme").with(Demo.as(sessions, "dev@acme.test"))).andExpect(status().isOk());
		this.mvc.perform(get("/orgs/acme").with(Demo.as(sessions, "owner@acme.test"))).andExpect(status().isOk());
		assertThat(RoundTrips.during(this::get200)).as("round trips of a warm 200 after dashboard views").isZero();
	}

	@Test
	void aNewRevisionIsServedWithinASecond() throws Exception {
		get200();
		this.save.save(this.owner, new SaveConfigRevision.Command(this.project, "production", 1, ConfigFixtures.SPEC,
				List.of(new VariableInput("API_KEY", "rotated", true, Visibility.RUNTIME)), "rotate"));
		WebhookReceiver.await(ONE_SECOND, "revision 2 to be served", () -> "\"r2-p0-json\"".equals(etag()));
		assertThat(get200().getResponse().getContentAsString()).contains("rotated");
	}

	@Test
	void aRevokedTokenIsRefusedWithinASecond() throws Exception {
		get200();
		this.revoke.revoke(ConfigFixtures.caller(this.users, this.memberships, this.transactions, "dev@acme.test"),
				UUID.fromString(JsonPath.read(this.tokenJson, "$.id")));
		WebhookReceiver.await(ONE_SECOND, "the revoked token to be refused", () -> statusCode() == 401);
	}

	@Test
	void whenTheListenerLosesItsConnectionCachesAreBypassedUntilItListensAgain() throws Exception {
		get200();
		this.jdbc.queryForList("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?",
				DatabaseInvalidations.APPLICATION_NAME);
		WebhookReceiver.await(Duration.ofSeconds(5), "the caches to stop answering",
				() -> !this.invalidations.trusted());
		// Meanwhile every read goes to the database, and is right.
		get200();
		WebhookReceiver.await(Duration.ofSeconds(10), "the listener to listen again", this.invalidations::trusted);
		get200();
	}

	@Test
	void readsOfSecretsAreRecordedAndFoldedIntoOneAuditEventWithTheirCount() throws Exception {
		this.fold.foldAll();
		for (int i = 0; i < 5; i++) {
			get200();
		}
		FoldSecretReads.Folded folded = this.fold.foldAll();
		assertThat(folded.reads()).isEqualTo(5);
		assertThat(folded.events()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from lockstep.secret_reads where project_slug = ? and environment_name = 'production'",
				Integer.class, this.project))
			.isZero();
	}

	@Test
	void concurrentReadsAreEachRecordedWithTheirSecretNamesBeforeTheyAnswer() throws Exception {
		get200();
		this.fold.foldAll();
		int recorded = recordedReads();
		List<Future<MvcResult>> reads = new ArrayList<>();
		try (ExecutorService readers = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 40; i++) {
				reads.add(readers.submit(this::get200));
			}
			for (Future<MvcResult> read : reads) {
				read.get();
			}
		}
		// Each answered only after its record was committed (in a batch with others).
		assertThat(recordedReads()).isEqualTo(recorded + 40);
		assertThat(new JdbcTemplate(TestDatabase.get().superuserDataSource()).queryForList(
				"select distinct array_to_string(sensitive_variables, ',') || '@' || revision from lockstep.secret_reads "
						+ "where project_slug = ?",
				String.class, this.project))
			.containsExactly("API_KEY@1");
		// Reads recorded together are one row with their count; the audit event counts
		// every read.
		FoldSecretReads.Folded folded = this.fold.foldAll();
		assertThat(folded.reads()).isEqualTo(40);
		assertThat(folded.events()).isEqualTo(1);
		assertThat(folded.records()).isBetween(1, 40);
	}

	private int recordedReads() {
		return new JdbcTemplate(TestDatabase.get().superuserDataSource()).queryForObject(
				"select coalesce(sum(reads), 0) from lockstep.secret_reads where project_slug = ?", Integer.class,
				this.project);
	}

	private MvcResult get200() throws Exception {
		return this.mvc.perform(get(this.url).with(TokenTestSupport.bearer(this.token)))
			.andExpect(status().isOk())
			.andReturn();
	}

	private String etag() {
		try {
			return get200().getResponse().getHeader("ETag");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int statusCode() {
		try {
			return this.mvc.perform(get(this.url).with(TokenTestSupport.bearer(this.token)))
				.andReturn()
				.getResponse()
				.getStatus();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
