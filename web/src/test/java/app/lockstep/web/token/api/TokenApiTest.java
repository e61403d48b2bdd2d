package app.lockstep.web.token.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.tenancy.AcceptInvitation;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ChangeMemberRole;
import app.lockstep.domain.tenancy.CreateOrganization;
import app.lockstep.domain.tenancy.InviteMember;
import app.lockstep.domain.tenancy.RemoveMember;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.domain.token.ApiTokenSecret;
import app.lockstep.domain.token.CreateApiToken;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import app.lockstep.web.token.TokenTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static app.lockstep.web.project.ProjectTestSupport.AUDITOR;
import static app.lockstep.web.project.ProjectTestSupport.DEVELOPER;
import static app.lockstep.web.project.ProjectTestSupport.LEAD;
import static app.lockstep.web.project.ProjectTestSupport.OWNER;
import static app.lockstep.web.project.ProjectTestSupport.VIEWER;
import static app.lockstep.web.token.TokenTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * POST/GET /api/v1/orgs/{org}/tokens, DELETE .../tokens/{id}, and what a token may do
 * when presented as {@code Authorization: Bearer}.
 */
@LockstepTest
class TokenApiTest {

	static final String TOKENS = "/api/v1/orgs/acme/tokens";

	static final String PROJECTS = "/api/v1/orgs/acme/projects";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ReadAuditLog readAuditLog;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership resolveMembership;

	@Autowired
	Transactions transactions;

	@Autowired
	SignUp signUp;

	@Autowired
	CreateOrganization createOrganization;

	@Autowired
	InviteMember inviteMember;

	@Autowired
	AcceptInvitation acceptInvitation;

	@Autowired
	ChangeMemberRole changeMemberRole;

	@Autowired
	RemoveMember removeMember;

	@Autowired
	CreateApiToken createApiToken;

	@AfterEach
	void releaseTheClock() {
		this.clock.release();
	}

	MockHttpSession as(String email) {
		return ProjectTestSupport.session(this.mvc, email);
	}

	ResultActions postJson(String email, String path, String json) throws Exception {
		return this.mvc
			.perform(post(path).session(as(email)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static ResultActions problem(ResultActions result) throws Exception {
		return result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	String secret(String email, String... scopes) throws Exception {
		return TokenTestSupport.secret(this.mvc, email, scopes);
	}

	@Test
	void createsATokenWith201AndShowsItsSecretOnlyOnce() throws Exception {
		Instant before = Instant.now();
		String json = postJson(LEAD, TOKENS, """
				{"name": "CI deploy", "scopes": ["config:read", "deployments:write"], "project": "shop",
				 "environment": "staging", "expiresInDays": 30}
				""").andExpect(status().isCreated())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(jsonPath("$.id").isString())
			.andExpect(jsonPath("$.token").value(matchesPattern(TokenTestSupport.SECRET_FORMAT)))
			.andExpect(jsonPath("$.name").value("CI deploy"))
			.andExpect(jsonPath("$.scopes", contains("config:read", "deployments:write")))
			.andExpect(jsonPath("$.project").value("shop"))
			.andExpect(jsonPath("$.environment").value("staging"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = JsonPath.read(json, "$.token");
		String id = JsonPath.read(json, "$.id");
		Instant expiresAt = Instant.parse(JsonPath.read(json, "$.expiresAt"));
		assertThat(expiresAt).isBetween(before.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));

		String list = this.mvc.perform(get(TOKENS).session(as(LEAD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].prefix").value(contains(secret.substring(0, 12))))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].status").value(contains("active")))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].lastUsedAt").value(contains(nullValue())))
			.andExpect(jsonPath("$[*].token").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).doesNotContain(secret).doesNotContain(new ApiTokenSecret(secret).hash());
		String page = this.mvc.perform(get("/orgs/acme/tokens").session(as(LEAD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("CI deploy", secret.substring(0, 12)).doesNotContain(secret);
	}

	@Test
	void withoutExpiresInDaysATokenExpiresAfter90Days() throws Exception {
		Instant before = Instant.now();
		String json = TokenTestSupport.create(this.mvc, VIEWER,
				"{\"name\": \"Default\", \"scopes\": [\"config:read\"]}");
		Instant expiresAt = Instant.parse(JsonPath.read(json, "$.expiresAt"));
		assertThat(expiresAt).isBetween(before.plus(Duration.ofDays(90)), Instant.now().plus(Duration.ofDays(90)));
	}

	@Test
	void aBearerTokenReadsTheApiWithoutCsrfOrSession() throws Exception {
		String secret = secret(VIEWER, "config:read");
		this.mvc.perform(get(PROJECTS).with(bearer(secret)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].slug", hasItem("shop")))
			.andExpect(header().doesNotExist("Set-Cookie"));
		this.mvc.perform(get(PROJECTS + "/shop/environments/production").with(bearer(secret)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tier").value("PRODUCTION"));
	}

	@Test
	void aBearerTokenWritesWithoutCsrfAndTheAuditTrailNamesTheToken() throws Exception {
		String secret = secret(DEVELOPER, "config:read", "config:write");
		String slug = ProjectTestSupport.uniqueSlug("token-made");
		this.mvc
			.perform(post(PROJECTS).with(bearer(secret))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"slug\": \"" + slug + "\", \"name\": \"Made with a token\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.slug").value(slug));
		List<AuditEvent> created = ProjectTestSupport.auditEvents(this.readAuditLog, owner(), "project.created", slug);
		assertThat(created).singleElement()
			.satisfies(
					(event) -> assertThat(event.actor().name()).isEqualTo("Dana Developer (API token \"test token\")"));
	}

	@Test
	void aTokenWithoutTheScopeIs403() throws Exception {
		String secret = secret(OWNER, "audit:read");
		problem(this.mvc.perform(get(PROJECTS).with(bearer(secret)))).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("This token lacks the scope config:read"));
		String reader = secret(OWNER, "config:read");
		problem(this.mvc.perform(patch(PROJECTS + "/shop").with(bearer(reader))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Renamed by a reader\"}"))).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("This token lacks the scope config:write"));
		this.mvc.perform(get(PROJECTS + "/shop").with(bearer(reader))).andExpect(jsonPath("$.name").value("Shop"));
	}

	@Test
	void aTokenNeverDoesMoreThanItsCreatorsRoleAllowsNow() throws Exception {
		TestOrg org = newOrg();
		Caller developer = org.join(Role.DEVELOPER);
		String secret = this.createApiToken
			.create(developer,
					new CreateApiToken.Input("dev", List.of("config:read", "config:write"), null, null, null))
			.secret()
			.value();
		String slug = ProjectTestSupport.uniqueSlug("role-bound");
		String projects = "/api/v1/orgs/" + org.slug() + "/projects";
		this.mvc
			.perform(post(projects).with(bearer(secret))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"slug\": \"" + slug + "\", \"name\": \"Before\"}"))
			.andExpect(status().isCreated());
		this.changeMemberRole.change(org.owner(), developer.userId(), Role.VIEWER);
		problem(this.mvc.perform(patch(projects + "/" + slug).with(bearer(secret))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"After\"}"))).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("Viewer")));
		this.removeMember.remove(org.owner(), developer.userId());
		problem(this.mvc.perform(get(projects).with(bearer(secret)))).andExpect(status().isNotFound());
	}

	@Test
	void aTokenLimitedToAProjectSeesOnlyThatProject() throws Exception {
		String json = TokenTestSupport.create(this.mvc, DEVELOPER, """
				{"name": "shop only", "scopes": ["config:read", "config:write"], "project": "shop"}
				""");
		String secret = JsonPath.read(json, "$.token");
		problem(this.mvc.perform(get(PROJECTS + "/api").with(bearer(secret)))).andExpect(status().isNotFound());
		problem(this.mvc.perform(get(PROJECTS + "/api/environments").with(bearer(secret))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(PROJECTS + "/shop").with(bearer(secret)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.environments[*].name", contains("development", "staging", "production")));
		this.mvc.perform(get(PROJECTS).with(bearer(secret)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].slug", contains("shop")));
		problem(this.mvc.perform(post(PROJECTS).with(bearer(secret))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slug\": \"" + ProjectTestSupport.uniqueSlug("beyond") + "\", \"name\": \"Beyond\"}")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("limited to shop")));
	}

	@Test
	void aTokenLimitedToAnEnvironmentSeesOnlyThatEnvironment() throws Exception {
		String secret = JsonPath.read(TokenTestSupport.create(this.mvc, DEVELOPER, """
				{"name": "shop staging", "scopes": ["config:read", "config:write"], "project": "shop",
				 "environment": "staging"}
				"""), "$.token");
		this.mvc.perform(get(PROJECTS + "/shop/environments").with(bearer(secret)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", contains("staging")));
		this.mvc.perform(get(PROJECTS + "/shop").with(bearer(secret)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.environments[*].name", contains("staging")));
		this.mvc.perform(get(PROJECTS + "/shop/environments/staging").with(bearer(secret))).andExpect(status().isOk());
		problem(this.mvc.perform(get(PROJECTS + "/shop/environments/production").with(bearer(secret))))
			.andExpect(status().isNotFound());
		problem(this.mvc.perform(patch(PROJECTS + "/shop").with(bearer(secret))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Renamed from staging\"}"))).andExpect(status().isForbidden());
		this.mvc.perform(get(PROJECTS + "/shop").session(as(OWNER))).andExpect(jsonPath("$.name").value("Shop"));
	}

	@Test
	void aTokenWorksOnlyInItsOwnOrganization() throws Exception {
		String acme = secret(OWNER, "config:read");
		problem(this.mvc.perform(get("/api/v1/orgs/globex/projects").with(bearer(acme))))
			.andExpect(status().isNotFound());

		TestOrg first = newOrg();
		TestOrg second = first.anotherOrgOfTheSameOwner();
		String secret = this.createApiToken
			.create(first.owner(), new CreateApiToken.Input("first", List.of("config:read"), null, null, null))
			.secret()
			.value();
		this.mvc.perform(get("/api/v1/orgs/" + first.slug() + "/projects").with(bearer(secret)))
			.andExpect(status().isOk());
		problem(this.mvc.perform(get("/api/v1/orgs/" + second.slug() + "/projects").with(bearer(secret))))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No such organization."));
	}

	@Test
	void aRevokedTokenIs401() throws Exception {
		String json = TokenTestSupport.create(this.mvc, DEVELOPER,
				"{\"name\": \"to revoke\", \"scopes\": [\"config:read\"]}");
		String secret = JsonPath.read(json, "$.token");
		String id = JsonPath.read(json, "$.id");
		this.mvc.perform(get(PROJECTS).with(bearer(secret))).andExpect(status().isOk());
		this.mvc.perform(delete(TOKENS + "/" + id).session(as(DEVELOPER)).with(csrf()))
			.andExpect(status().isNoContent());
		problem(this.mvc.perform(get(PROJECTS).with(bearer(secret)))).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").value("This API token was revoked."));
		problem(this.mvc.perform(delete(TOKENS + "/" + id).session(as(DEVELOPER)).with(csrf())))
			.andExpect(status().isConflict());
		this.mvc.perform(get(TOKENS).session(as(DEVELOPER)))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].status").value(contains("revoked")));
	}

	@Test
	void anExpiredTokenIs401() throws Exception {
		String secret = JsonPath.read(TokenTestSupport.create(this.mvc, DEVELOPER,
				"{\"name\": \"short\", \"scopes\": [\"config:read\"], \"expiresInDays\": 1}"), "$.token");
		this.mvc.perform(get(PROJECTS).with(bearer(secret))).andExpect(status().isOk());
		this.clock.pin(Instant.now().plus(Duration.ofDays(1)).plusSeconds(60));
		problem(this.mvc.perform(get(PROJECTS).with(bearer(secret)))).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("expired")));
	}

	@Test
	void aGarbageTokenIs401ProblemJsonNeverARedirect() throws Exception {
		for (String garbage : List.of("nonsense", "lst_short", ApiTokenSecret.generate().value(), "")) {
			problem(this.mvc.perform(get(PROJECTS).header("Authorization", "Bearer " + garbage)))
				.andExpect(status().isUnauthorized())
				.andExpect(header().doesNotExist("Location"))
				.andExpect(jsonPath("$.status").value(401));
		}
		problem(this.mvc.perform(get(PROJECTS).header("Authorization", "Bearer lst_" + "a".repeat(43))))
			.andExpect(jsonPath("$.detail").value("This API token is not valid."));
	}

	@Test
	void aBadTokenIsRefusedEvenWithAValidBrowserSession() throws Exception {
		problem(this.mvc.perform(post(PROJECTS).session(as(OWNER))
			.header("Authorization", "Bearer not-a-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slug\": \"" + ProjectTestSupport.uniqueSlug("sneaky") + "\", \"name\": \"Sneaky\"}")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theLastUseIsRecorded() throws Exception {
		String json = TokenTestSupport.create(this.mvc, AUDITOR, "{\"name\": \"used\", \"scopes\": [\"config:read\"]}");
		String id = JsonPath.read(json, "$.id");
		this.mvc.perform(get(PROJECTS).with(bearer(JsonPath.read(json, "$.token")))).andExpect(status().isOk());
		this.mvc.perform(get(TOKENS).session(as(AUDITOR)))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].lastUsedAt").value(contains(not(nullValue()))));
	}

	@Test
	void aViewerCannotCreateAConfigWriteToken() throws Exception {
		problem(postJson(VIEWER, TOKENS, "{\"name\": \"too much\", \"scopes\": [\"config:read\", \"config:write\"]}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail")
				.value("Your role (Viewer) does not allow tokens with the scope config:write."));
		problem(postJson(AUDITOR, TOKENS, "{\"name\": \"deploy\", \"scopes\": [\"deployments:write\"]}"))
			.andExpect(status().isForbidden());
		postJson(AUDITOR, TOKENS, "{\"name\": \"audit\", \"scopes\": [\"audit:read\"]}")
			.andExpect(status().isCreated());
		problem(postJson(DEVELOPER, TOKENS, "{\"name\": \"audit\", \"scopes\": [\"audit:read\"]}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void invalidInputIs422WithEveryFieldError() throws Exception {
		problem(postJson(OWNER, TOKENS, """
				{"name": "", "scopes": ["config:read", "config:everything"], "environment": "production",
				 "expiresInDays": 366}
				""")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message", contains("Enter a name for the token.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'scopes')].message",
					contains("Unknown scope \"config:everything\"; use one of config:read, config:write, "
							+ "deployments:write, code:write, audit:read, tokens:write.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'environment')].message",
					contains("Choose the project this environment belongs to.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'expiresInDays')].message",
					contains("Choose between 1 and 365 days.")));
		problem(postJson(OWNER, TOKENS, "{\"name\": \"none\", \"scopes\": []}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("scopes"));
		problem(postJson(OWNER, TOKENS, "{\"name\": \"x\", \"scopes\": [\"config:read\"], \"project\": \"nope\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("project"))
			.andExpect(jsonPath("$.errors[0].message").value("No project \"nope\" in Acme Corp."));
		problem(postJson(OWNER, TOKENS,
				"{\"name\": \"x\", \"scopes\": [\"config:read\"], \"project\": \"shop\", \"environment\": \"qa\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("environment"));
		problem(postJson(OWNER, TOKENS, "{\"name\": \"x\", \"scopes\": [\"config:read\"], \"expiresInDays\": 0}"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void createdAndRevokedTokensAreAuditEventsWithoutTheSecret() throws Exception {
		String json = TokenTestSupport.create(this.mvc, LEAD, """
				{"name": "audited", "scopes": ["config:write", "config:read"], "project": "api"}
				""");
		String secret = JsonPath.read(json, "$.token");
		String id = JsonPath.read(json, "$.id");
		this.mvc.perform(delete(TOKENS + "/" + id).session(as(OWNER)).with(csrf())).andExpect(status().isNoContent());
		List<AuditEvent> events = this.readAuditLog.read(owner(), null, ReadAuditLog.MAX_PAGE)
			.events()
			.stream()
			.filter((event) -> id.equals(event.targetId()))
			.toList();
		assertThat(events).extracting(AuditEvent::action).containsExactly("token.revoked", "token.created");
		AuditEvent created = events.get(1);
		assertThat(created.actor().name()).isEqualTo("Leo Lead");
		assertThat(created.projectSlug()).isEqualTo("api");
		assertThat(created.details()).containsEntry("name", "audited")
			.containsEntry("scopes", "config:read config:write")
			.containsEntry("project", "api")
			.containsKey("expiresAt");
		assertThat(events.get(0).actor().name()).isEqualTo("Olivia Owner");
		assertThat(events.get(0).details()).containsEntry("createdBy", "Leo Lead");
		for (AuditEvent event : events) {
			assertThat(event.details().toString()).doesNotContain(secret)
				.doesNotContain(new ApiTokenSecret(secret).hash());
		}
	}

	@Test
	void membersSeeAndRevokeTheirOwnTokensOwnersAndAdminsEveryones() throws Exception {
		String json = TokenTestSupport.create(this.mvc, LEAD, "{\"name\": \"lead's\", \"scopes\": [\"config:read\"]}");
		String id = JsonPath.read(json, "$.id");
		this.mvc.perform(get(TOKENS).session(as(DEVELOPER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", not(hasItem(id))))
			.andExpect(jsonPath("$[*].createdBy", not(hasItem("Leo Lead"))));
		this.mvc.perform(get(TOKENS).session(as(OWNER)))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].createdBy").value(contains("Leo Lead")));
		problem(this.mvc.perform(delete(TOKENS + "/" + id).session(as(DEVELOPER)).with(csrf())))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete(TOKENS + "/" + id).session(as(OWNER)).with(csrf())).andExpect(status().isNoContent());
	}

	@Test
	void aTokenWithTokensWriteCreatesTokensWithinItself() throws Exception {
		String parent = JsonPath.read(TokenTestSupport.create(this.mvc, DEVELOPER, """
				{"name": "minter", "scopes": ["tokens:write", "config:read"], "project": "shop", "expiresInDays": 10}
				"""), "$.token");
		String child = this.mvc
			.perform(post(TOKENS).with(bearer(parent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"minted\", \"scopes\": [\"config:read\"], \"expiresInDays\": 300}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.project").value("shop"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Instant expiresAt = Instant.parse(JsonPath.read(child, "$.expiresAt"));
		assertThat(expiresAt).isBefore(Instant.now().plus(Duration.ofDays(11)));
		String childSecret = JsonPath.read(child, "$.token");
		this.mvc.perform(get(PROJECTS + "/shop").with(bearer(childSecret))).andExpect(status().isOk());
		problem(this.mvc.perform(get(PROJECTS + "/api").with(bearer(childSecret)))).andExpect(status().isNotFound());
		this.mvc.perform(get(TOKENS).with(bearer(parent)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItem("minted")));

		problem(this.mvc.perform(post(TOKENS).with(bearer(parent))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"escalate\", \"scopes\": [\"config:write\"]}"))).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("lacks config:write")));
		problem(this.mvc.perform(post(TOKENS).with(bearer(parent))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"elsewhere\", \"scopes\": [\"config:read\"], \"project\": \"api\"}")))
			.andExpect(status().isForbidden());
		problem(this.mvc.perform(post(TOKENS).with(bearer(childSecret))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"no tokens:write\", \"scopes\": [\"config:read\"]}")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("This token lacks the scope tokens:write"));
	}

	@Test
	void theTokenApiItselfStillTakesABrowserSessionWithCsrf() throws Exception {
		this.mvc
			.perform(post(TOKENS).session(as(VIEWER))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"no csrf\", \"scopes\": [\"config:read\"]}"))
			.andExpect(status().isForbidden());
		problem(this.mvc.perform(get(TOKENS))).andExpect(status().isUnauthorized());
		problem(this.mvc.perform(get("/api/v1/orgs/acme/tokens").session(as("owner@globex.test"))))
			.andExpect(status().isNotFound());
	}

	Caller owner() {
		return ProjectTestSupport.caller(this.users, this.resolveMembership, this.transactions, OWNER, "acme");
	}

	/** A fresh organization with its own owner, for tests that change memberships. */
	TestOrg newOrg() {
		String id = java.util.UUID.randomUUID().toString().substring(0, 8);
		SignUp.Result result = this.signUp.signUp(new SignUp.Command("token-owner-" + id + "@example.test",
				"Token Owner " + id, "violet-harbour-lantern-42", "Token Org " + id, "tok-" + id, "UTC", null));
		return new TestOrg(result.organization().slug(), caller(result.user(), result.organization().slug()));
	}

	Caller caller(app.lockstep.domain.shared.UserId user, String slug) {
		var membership = this.resolveMembership.in(user, slug).orElseThrow();
		String name = this.transactions.global(() -> this.users.findById(user)).orElseThrow().name();
		return new Caller(membership.organization(), user, name, membership.role(), null);
	}

	final class TestOrg {

		private final String slug;

		private final Caller owner;

		TestOrg(String slug, Caller owner) {
			this.slug = slug;
			this.owner = owner;
		}

		String slug() {
			return this.slug;
		}

		Caller owner() {
			return this.owner;
		}

		Caller join(Role role) {
			String id = java.util.UUID.randomUUID().toString().substring(0, 8);
			String email = "token-member-" + id + "@example.test";
			InviteMember.Issued issued = TokenApiTest.this.inviteMember.invite(this.owner, email, role);
			AcceptInvitation.Joined joined = TokenApiTest.this.acceptInvitation.signUpAndAccept(issued.token(),
					"Member " + id, "violet-harbour-lantern-42", null);
			return caller(joined.user(), this.slug);
		}

		TestOrg anotherOrgOfTheSameOwner() {
			String id = java.util.UUID.randomUUID().toString().substring(0, 8);
			var organization = TokenApiTest.this.createOrganization.create(this.owner.userId(), this.owner.name(), null,
					new CreateOrganization.Command("Second " + id, "tok2-" + id, "UTC"));
			return new TestOrg(organization.slug(), caller(this.owner.userId(), organization.slug()));
		}

	}

}
