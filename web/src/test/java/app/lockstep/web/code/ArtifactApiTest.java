package app.lockstep.web.code;

import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.token.TokenTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Artifacts are immutable: a new version is 201, the same build again 200, the same
 * version with another commit or digest 409 and nothing changes. Registering needs
 * {@code deployments:write}; each new artifact is one audit event naming the token.
 */
@LockstepTest
class ArtifactApiTest {

	private static final String DIGEST = "sha256:" + "0a1b2c3d".repeat(8);

	private static final String OTHER_DIGEST = "sha256:" + "f9e8d7c6".repeat(8);

	@Autowired
	MockMvc mvc;

	@Autowired
	ReadAuditLog readAuditLog;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	String project;

	String url;

	@BeforeEach
	void aProject() throws Exception {
		this.project = ProjectTestSupport.projectWithEnvironments(this.mvc, "builds");
		this.url = "/api/v1/orgs/acme/projects/" + this.project + "/artifacts";
	}

	@Test
	void createdThenUnchangedThenConflict() throws Exception {
		String created = TokenTestSupport.create(this.mvc, ProjectTestSupport.DEVELOPER,
				"{\"name\": \"build\", \"scopes\": [\"deployments:write\"]}");
		String token = JsonPath.read(created, "$.token");
		String tokenId = JsonPath.read(created, "$.id");
		String sha = CodeTestSupport.sha();

		register(token, "1.4.2", sha, DIGEST).andExpect(status().isCreated())
			.andExpect(header().string("Location", endsWith(this.url + "/1.4.2")))
			.andExpect(jsonPath("$.version").value("1.4.2"))
			.andExpect(jsonPath("$.commitSha").value(sha))
			.andExpect(jsonPath("$.digest").value(DIGEST))
			.andExpect(jsonPath("$.createdBy.type").value("token"));
		String id = JsonPath.read(this.mvc
			.perform(get(this.url + "/1.4.2").session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.VIEWER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");

		register(token, "1.4.2", sha.toUpperCase(), DIGEST).andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id));
		register(token, "1.4.2", sha, OTHER_DIGEST).andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("immutable")))
			.andExpect(jsonPath("$.existing.digest").value(DIGEST));
		register(token, "1.4.2", CodeTestSupport.sha(), DIGEST).andExpect(status().isConflict());

		this.mvc
			.perform(get(this.url + "/1.4.2").session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.OWNER)))
			.andExpect(jsonPath("$.digest").value(DIGEST))
			.andExpect(jsonPath("$.commitSha").value(sha));
		assertThat(ProjectTestSupport.auditEvents(this.readAuditLog, owner(), "artifact.registered", this.project))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.actor().type()).isEqualTo(Actor.Type.TOKEN);
				assertThat(event.actor().id()).isEqualTo(tokenId);
				assertThat(event.targetId()).isEqualTo(id);
				assertThat(event.details()).containsEntry("version", "1.4.2")
					.containsEntry("commitSha", sha)
					.containsEntry("digest", DIGEST);
			});
	}

	@Test
	void registeringNeedsDeploymentsWriteAndRequestDeployments() throws Exception {
		String readOnly = TokenTestSupport.secret(this.mvc, ProjectTestSupport.DEVELOPER, "config:read", "code:write");
		register(readOnly, "2.0.0", CodeTestSupport.sha(), DIGEST).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("deployments:write")));
		this.mvc
			.perform(post(this.url).session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.VIEWER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("2.0.0", CodeTestSupport.sha(), DIGEST)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(this.url).with(TokenTestSupport.bearer(readOnly)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.artifacts.length()").value(0));
		this.mvc.perform(get(this.url + "/2.0.0").with(TokenTestSupport.bearer(readOnly)))
			.andExpect(status().isNotFound());
	}

	@Test
	void anotherOrganizationIs404() throws Exception {
		this.mvc
			.perform(post(this.url).session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.GLOBEX_OWNER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("3.0.0", CodeTestSupport.sha(), DIGEST)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get(this.url + "/3.0.0")
				.session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.GLOBEX_OWNER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void badInputIsRefusedFieldByField() throws Exception {
		this.mvc
			.perform(post(this.url).session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.DEVELOPER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("not a version", "abc1234", "md5:123")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("version"))
			.andExpect(jsonPath("$.errors[1].field").value("commitSha"))
			.andExpect(jsonPath("$.errors[2].field").value("digest"));
	}

	@Test
	void theListIsNewestFirstWithKeysetPages() throws Exception {
		String token = TokenTestSupport.secret(this.mvc, ProjectTestSupport.DEVELOPER, "deployments:write",
				"config:read");
		for (String version : new String[] { "1.0.0", "1.1.0", "1.2.0" }) {
			register(token, version, CodeTestSupport.sha(), DIGEST).andExpect(status().isCreated());
		}
		String first = this.mvc.perform(get(this.url).param("limit", "2").with(TokenTestSupport.bearer(token)))
			.andExpect(jsonPath("$.artifacts.length()").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String next = JsonPath.read(first, "$.nextBefore");
		this.mvc.perform(get(this.url).param("before", next).with(TokenTestSupport.bearer(token)))
			.andExpect(jsonPath("$.artifacts.length()").value(1))
			.andExpect(jsonPath("$.nextBefore").doesNotExist());
	}

	private ResultActions register(String token, String version, String sha, String digest) throws Exception {
		return this.mvc.perform(post(this.url).with(TokenTestSupport.bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(version, sha, digest)));
	}

	private static String body(String version, String sha, String digest) {
		return "{\"version\": \"" + version + "\", \"commitSha\": \"" + sha + "\", \"digest\": \"" + digest + "\"}";
	}

	private Caller owner() {
		return ProjectTestSupport.caller(this.users, this.memberships, this.transactions, ProjectTestSupport.OWNER,
				"acme");
	}

}
