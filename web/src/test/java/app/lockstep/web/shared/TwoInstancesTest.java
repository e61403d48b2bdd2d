package app.lockstep.web.shared;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.ProjectInput;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ChangeMemberRole;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.domain.token.RevokeApiToken;
import app.lockstep.web.config.ConfigFixtures;
import app.lockstep.web.testing.AppInstance;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.WebhookReceiver;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.web.token.TokenTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of Lockstep on one database, as behind a load balancer without sticky
 * sessions: the shared test context ("a") and a second real instance ("b"). A browser
 * session made on one serves on the other and ends on both at logout; a revoked token, a
 * changed role, a new config revision and a new project are in effect on both within a
 * second; a rate limit counts the requests of both.
 */
@LockstepTest
class TwoInstancesTest {

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	private static AppInstance b;

	@LocalServerPort
	int port;

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
	ChangeMemberRole changeRole;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	String config;

	@BeforeAll
	static void startSecondInstance() {
		b = AppInstance.start("b", "1s", 1, Map.of("lockstep.scheduler.enabled", "false"));
	}

	@AfterAll
	static void stopSecondInstance() {
		if (b != null) {
			b.close();
		}
	}

	@Autowired
	MutableClock clock;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@BeforeEach
	void configured() {
		// The second instance runs on the real clock; so does this one here.
		this.clock.release();
		Caller owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		String project = ConfigFixtures.project(this.createProject, this.createEnvironment, owner);
		this.save.save(owner, new SaveConfigRevision.Command(project, "production", null, ConfigFixtures.SPEC,
				List.of(new VariableInput("API_KEY", "two-" + project, true, Visibility.RUNTIME)), "first"));
		this.config = "/api/v1/orgs/acme/projects/" + project + "/environments/production/config";
	}

	@Test
	void aSessionMadeOnOneInstanceServesOnTheOtherAndEndsOnBothAtLogout() throws Exception {
		String csrf = logIn(this.port, "viewer@acme.test");
		assertThat(get(b.port(), "/orgs/acme").statusCode()).as("the session on b").isEqualTo(200);
		assertThat(get(this.port, "/orgs/acme").statusCode()).as("the session on a").isEqualTo(200);

		HttpResponse<String> logout = post(b.port(), "/logout", "_csrf=" + csrf);
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(get(this.port, "/orgs/acme").headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).contains("/login"));
	}

	@Test
	void aRevokedTokenIsRefusedOnBothInstancesWithinASecond() throws Exception {
		String created = TokenTestSupport.create(this.mvc, "dev@acme.test",
				"{\"name\": \"two instances\", \"scopes\": [\"config:read\"]}");
		String token = JsonPath.read(created, "$.token");
		assertThat(api(this.port, token)).isEqualTo(200);
		assertThat(api(b.port(), token)).isEqualTo(200);

		this.revoke.revoke(ConfigFixtures.caller(this.users, this.memberships, this.transactions, "dev@acme.test"),
				UUID.fromString(JsonPath.read(created, "$.id")));
		WebhookReceiver.await(ONE_SECOND, "b to refuse the revoked token", () -> api(b.port(), token) == 401);
		assertThat(api(this.port, token)).isEqualTo(401);
	}

	@Test
	void aRoleChangeIsInEffectOnBothInstancesWithinASecond() throws Exception {
		String token = TokenTestSupport.secret(this.mvc, "dev@acme.test", "config:read");
		assertThat(api(b.port(), token)).isEqualTo(200);
		Caller owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		Caller developer = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "dev@acme.test");
		this.changeRole.change(owner, developer.userId(), Role.VIEWER);
		try {
			WebhookReceiver.await(ONE_SECOND, "b to refuse a viewer the secrets", () -> api(b.port(), token) == 403);
			assertThat(api(this.port, token)).isEqualTo(403);
		}
		finally {
			this.changeRole.change(owner, developer.userId(), Role.DEVELOPER);
		}
		WebhookReceiver.await(ONE_SECOND, "b to serve the developer again", () -> api(b.port(), token) == 200);
	}

	@Test
	void aNewRevisionSavedOnOneInstanceIsServedByTheOtherWithinASecond() throws Exception {
		String token = TokenTestSupport.secret(this.mvc, "dev@acme.test", "config:read");
		assertThat(etag(b.port(), token)).isEqualTo("\"r1-p0-json\"");
		Caller owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		this.save.save(owner,
				new SaveConfigRevision.Command(this.config.split("/")[6], "production", 1, ConfigFixtures.SPEC,
						List.of(new VariableInput("API_KEY", "rotated", true, Visibility.RUNTIME)), "rotate"));
		WebhookReceiver.await(ONE_SECOND, "b to serve revision 2",
				() -> "\"r2-p0-json\"".equals(etag(b.port(), token)));
	}

	@Test
	void aProjectAddedOnOneInstanceIsListedByTheOtherWithinASecond() throws Exception {
		String token = TokenTestSupport.secret(this.mvc, "dev@acme.test", "config:read");
		assertThat(projects(b.port(), token)).as("b's list, now in its memory").doesNotContain("\"bare-");
		String slug = "bare-" + UUID.randomUUID().toString().substring(0, 8);
		Caller owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		// Without environments: only the project's own row announces the change.
		this.createProject.create(owner, new ProjectInput(slug, "Bare " + slug, null, null));
		assertThat(projects(this.port, token)).as("a, which added it").contains("\"" + slug + "\"");
		WebhookReceiver.await(ONE_SECOND, "b to list the new project",
				() -> projects(b.port(), token).contains("\"" + slug + "\""));
	}

	private String projects(int port, String token) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(uri(port, "/api/v1/orgs/acme/projects"))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theApprovalsCountMovesOnBothInstancesWithinASecond() throws Exception {
		logIn(b.port(), "lead@acme.test");
		int before = approvalsBadge(b.port());
		DeploymentScenario place = DeploymentScenario.inAcme(this.context)
			.project("two-badge", "staging", "STAGING")
			.readyToDeploy(List.of())
			.selfApprovalAllowed("staging");

		Deployment requested = place.request(place.caller("dev@acme.test"));
		assertThat(requested.status().value()).isEqualTo("awaiting_approval");
		assertThat(approvalsBadge(this.port)).as("a, which made the request").isEqualTo(before + 1);
		WebhookReceiver.await(ONE_SECOND, "b to count the new request", () -> approvalsBadge(b.port()) == before + 1);

		place.approve(place.caller("lead@acme.test"), "staging", requested, null);
		WebhookReceiver.await(ONE_SECOND, "b to count the lead's decision", () -> approvalsBadge(b.port()) == before);
		assertThat(approvalsBadge(this.port)).isEqualTo(before);
	}

	/** The count beside "Approvals" for the signed-in person, as the page polls it. */
	private int approvalsBadge(int port) {
		try {
			String slot = get(port, "/orgs/acme/approvals/badge").body();
			java.util.regex.Matcher count = java.util.regex.Pattern.compile("id=\"approvals-badge\">(\\d+)<")
				.matcher(slot);
			return count.find() ? Integer.parseInt(count.group(1)) : 0;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aRateLimitHoldsOnceAcrossBothInstances() throws Exception {
		// 60 deliveries a minute to one hook (one more each second), through both
		// instances
		// in turn: limits kept per instance would let 120 through.
		String hook = "two-instances-" + UUID.randomUUID();
		long started = System.nanoTime();
		int accepted = 0;
		int refused = 0;
		for (int i = 0; i < 120 && refused == 0; i++) {
			int status = delivery((i % 2 == 0) ? this.port : b.port(), hook);
			accepted += (status == 404) ? 1 : 0;
			refused += (status == 429) ? 1 : 0;
		}
		long refilled = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
		assertThat(refused).as("a delivery refused").isEqualTo(1);
		assertThat(accepted).isBetween(60, 60 + (int) refilled);
	}

	private int delivery(int port, String hook) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(uri(port, "/api/v1/hooks/github/" + hook))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	private String logIn(int port, String email) throws Exception {
		HttpResponse<String> page = get(port, "/login");
		String csrf = page.body().replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
		HttpResponse<String> login = post(port, "/login",
				"username=" + email.replace("@", "%40") + "&password=lockstep-demo&_csrf=" + csrf);
		assertThat(login.statusCode()).isEqualTo(302);
		HttpResponse<String> home = get(port, "/orgs/acme");
		return home.body().replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(port, path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(int port, String path, String form) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(port, path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private int api(int port, String token) {
		return call(port, token).statusCode();
	}

	private String etag(int port, String token) {
		return call(port, token).headers().firstValue("ETag").orElse("");
	}

	private HttpResponse<String> call(int port, String token) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(uri(port, this.config)).header("Authorization", "Bearer " + token).build(),
						HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static URI uri(int port, String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
