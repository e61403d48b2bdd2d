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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Code changes from CI for forges without a webhook: a token with {@code code:write},
 * idempotent per sha, audited with the token as the actor; refused without the scope, for
 * a viewer, and (404) in another organization.
 */
@LockstepTest
class CodeChangeApiTest {

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
		this.project = ProjectTestSupport.projectWithEnvironments(this.mvc, "commits");
		this.url = "/api/v1/orgs/acme/projects/" + this.project + "/code-changes";
	}

	@Test
	void aTokenWithCodeWriteSendsCommitsOnceAndIsTheAuditActor() throws Exception {
		String created = TokenTestSupport.create(this.mvc, ProjectTestSupport.DEVELOPER,
				"{\"name\": \"ci\", \"scopes\": [\"code:write\", \"config:read\"]}");
		String secret = JsonPath.read(created, "$.token");
		String tokenId = JsonPath.read(created, "$.id");
		String first = CodeTestSupport.sha();
		String second = CodeTestSupport.sha();
		String body = commits(commit(first, "refs/heads/main", "2026-03-02T10:00:00Z"),
				commit(second, "main", "2026-03-02T11:00:00Z"));

		this.mvc
			.perform(post(this.url).with(TokenTestSupport.bearer(secret))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.received").value(2))
			.andExpect(jsonPath("$.stored").value(2))
			.andExpect(jsonPath("$.shas[0]").value(first));
		this.mvc
			.perform(post(this.url).with(TokenTestSupport.bearer(secret))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stored").value(0));

		this.mvc.perform(get(this.url).with(TokenTestSupport.bearer(secret)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.codeChanges.length()").value(2))
			.andExpect(jsonPath("$.codeChanges[0].sha").value(second))
			.andExpect(jsonPath("$.codeChanges[0].source").value("api"));
		assertThat(ProjectTestSupport.auditEvents(this.readAuditLog, owner(), "code.pushed", this.project))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.actor().type()).isEqualTo(Actor.Type.TOKEN);
				assertThat(event.actor().id()).isEqualTo(tokenId);
				assertThat(event.actor().name()).contains("API token \"ci\"");
				assertThat(event.details()).containsEntry("count", 2).containsEntry("source", "api");
				assertThat(event.details().toString()).doesNotContain(secret);
			});
	}

	@Test
	void withoutCodeWriteOrAsAViewerNothingIsStored() throws Exception {
		String readOnly = TokenTestSupport.secret(this.mvc, ProjectTestSupport.DEVELOPER, "config:read");
		String sha = CodeTestSupport.sha();
		String body = commits(commit(sha, "main", "2026-03-02T10:00:00Z"));
		this.mvc
			.perform(post(this.url).with(TokenTestSupport.bearer(readOnly))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("code:write")));
		this.mvc
			.perform(post(this.url).session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.VIEWER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		// A viewer may read them.
		this.mvc.perform(get(this.url).session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.codeChanges.length()").value(0));
		this.mvc.perform(get(this.url + "/" + sha).with(TokenTestSupport.bearer(readOnly)))
			.andExpect(status().isNotFound());
	}

	@Test
	void anotherOrganizationIs404() throws Exception {
		String body = commits(commit(CodeTestSupport.sha(), "main", "2026-03-02T10:00:00Z"));
		this.mvc
			.perform(post(this.url).session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.GLOBEX_OWNER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isNotFound());
		String acmeToken = TokenTestSupport.secret(this.mvc, ProjectTestSupport.DEVELOPER, "code:write");
		this.mvc
			.perform(post("/api/v1/orgs/globex/projects/" + this.project + "/code-changes")
				.with(TokenTestSupport.bearer(acmeToken))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isNotFound());
	}

	@Test
	void badCommitsAreRefusedWithTheirFieldsAndNothingIsStored() throws Exception {
		String good = CodeTestSupport.sha();
		this.mvc
			.perform(post(this.url).session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.DEVELOPER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(commits(commit(good, "main", "2026-03-02T10:00:00Z"), commit("abc1234", "main", "yesterday"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("commits[1].sha"))
			.andExpect(jsonPath("$.errors[1].field").value("commits[1].timestamp"));
		this.mvc
			.perform(get(this.url + "/" + good).session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.OWNER)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(this.url).session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.DEVELOPER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"commits\": []}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("commits"));
	}

	@Test
	void aBranchAndKeysetPagesNarrowTheList() throws Exception {
		String a = CodeTestSupport.sha();
		String b = CodeTestSupport.sha();
		String c = CodeTestSupport.sha();
		this.mvc
			.perform(post(this.url).session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.DEVELOPER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(commits(commit(a, "main", "2026-03-02T10:00:00Z"),
						commit(b, "feature/x", "2026-03-02T11:00:00Z"), commit(c, "main", "2026-03-02T12:00:00Z"))))
			.andExpect(status().isCreated());
		this.mvc.perform(get(this.url).param("branch", "main").param("limit", "1").session(owner(this.mvc)))
			.andExpect(jsonPath("$.codeChanges.length()").value(1))
			.andExpect(jsonPath("$.codeChanges[0].sha").value(c))
			.andExpect(jsonPath("$.nextBefore").value(c));
		this.mvc.perform(
				get(this.url).param("branch", "main").param("limit", "1").param("before", c).session(owner(this.mvc)))
			.andExpect(jsonPath("$.codeChanges[0].sha").value(a))
			.andExpect(jsonPath("$.nextBefore").doesNotExist());
		this.mvc.perform(get("/orgs/acme/projects/" + this.project + "/commits").session(owner(this.mvc)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("data-sha=\"" + b + "\"")));
	}

	private Caller owner() {
		return ProjectTestSupport.caller(this.users, this.memberships, this.transactions, ProjectTestSupport.OWNER,
				"acme");
	}

	private static org.springframework.mock.web.MockHttpSession owner(MockMvc mvc) {
		return ProjectTestSupport.session(mvc, ProjectTestSupport.OWNER);
	}

	static String commit(String sha, String branch, String timestamp) {
		return "{\"sha\": \"" + sha + "\", \"branch\": \"" + branch
				+ "\", \"author\": \"Dana Developer\", \"message\": \"Change " + sha.substring(0, 7)
				+ "\", \"timestamp\": \"" + timestamp + "\", \"url\": \"https://git.example.com/c/" + sha + "\"}";
	}

	static String commits(String... commits) {
		return "{\"commits\": [" + String.join(", ", commits) + "]}";
	}

}
