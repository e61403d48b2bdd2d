package app.lockstep.web.code;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import app.lockstep.web.code.CodeTestSupport.Pushed;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Automatic deployments end to end over HTTP and the real database: an environment set to
 * follow its branch or a tag pattern requests a deployment once both a build and a
 * matching push are known, whichever arrives first; tag pushes as GitHub and GitLab
 * really send them (kept in {@code forge-payloads/}) are ingested; only members who
 * manage policies set it, and bad settings are refused field by field.
 */
@LockstepTest
class AutomaticDeploymentsApiTest {

	private static final String SECRET = "automatic-deploy-secret-0123456789";

	@Autowired
	MockMvc mvc;

	String project;

	String github;

	String gitlab;

	String ciToken;

	@BeforeEach
	void aProjectWithAWebhookAndACiToken() throws Exception {
		this.project = ProjectTestSupport.projectWithEnvironments(this.mvc, "auto");
		String hooks = CodeTestSupport.webhook(this.mvc, this.project, SECRET);
		this.github = CodeTestSupport.path(hooks, "github");
		this.gitlab = CodeTestSupport.path(hooks, "gitlab");
		this.ciToken = JsonPath.read(TokenTestSupport.create(this.mvc, ProjectTestSupport.DEVELOPER,
				"{\"name\": \"ci\", \"scopes\": [\"deployments:write\"]}"), "$.token");
	}

	@Test
	void aPushToTheBranchThenItsBuildDeploysTheFollowingEnvironmentOnce() throws Exception {
		settings("development", "{\"enabled\": true, \"source\": \"branch\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.branchPattern").value("develop"))
			.andExpect(jsonPath("$.whenBlocked").value("queue"));
		Pushed commit = new Pushed(CodeTestSupport.sha(), "Faster checkout", "2026-03-02T10:15:00Z");
		String push = CodeTestSupport.githubPush("refs/heads/develop", commit);

		githubDelivery(push).andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("accepted"));
		register("1.0.0", commit.sha()).andExpect(status().isCreated());
		githubDelivery(push).andExpect(status().isOk());

		assertThat(versionsOn("development")).containsExactly("1.0.0");
		assertThat(versionsOn("staging")).as("staging follows no rule").isEmpty();
		this.mvc.perform(get(autoDeploy("development")).with(TokenTestSupport.bearer(this.ciToken)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(autoDeploy("development")).session(owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recent.length()").value(1))
			.andExpect(jsonPath("$.recent[0].outcome").value("requested"))
			.andExpect(jsonPath("$.recent[0].trigger").value("branch develop"))
			.andExpect(jsonPath("$.recent[0].artifact").value("1.0.0"));
	}

	@Test
	void realTagPushesFromGithubAndGitlabDeployTheBuildsOfTheirCommits() throws Exception {
		settings("staging", "{\"enabled\": true, \"source\": \"tag\", \"tagPattern\": \"v*\"}")
			.andExpect(status().isOk());

		register("0.0.1", "9d99947322caf921878e1622991b0d4d9125dbb3").andExpect(status().isCreated());
		assertThat(versionsOn("staging")).as("no tag points at it yet").isEmpty();
		String github = payload("github-tag-push.json");
		this.mvc
			.perform(post(this.github).contentType(MediaType.APPLICATION_JSON)
				.header("X-GitHub-Event", "push")
				.header("X-Hub-Signature-256", CodeTestSupport.signature(SECRET, github))
				.content(github))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("accepted"))
			.andExpect(jsonPath("$.detail").value(containsString("Tag v0.0.1 at 9d99947")));
		assertThat(versionsOn("staging")).containsExactly("0.0.1");

		this.mvc
			.perform(post(this.gitlab).contentType(MediaType.APPLICATION_JSON)
				.header("X-Gitlab-Event", "Tag Push Hook")
				.header("X-Gitlab-Token", SECRET)
				.content(payload("gitlab-tag-push.json")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.detail").value(containsString("Tag v1.3 at 889c1d5")));
		register("1.3.0", "889c1d5dfc7de780783cf1d4500ba1bcfcfcb8b4").andExpect(status().isCreated());
		assertThat(versionsOn("staging")).containsExactly("1.3.0", "0.0.1");
		assertThat(versionsOn("development")).isEmpty();
	}

	@Test
	void ciWithoutAWebhookSendsTagsThroughTheApi() throws Exception {
		settings("staging", "{\"enabled\": true, \"source\": \"tag\", \"tagPattern\": \"v*\"}")
			.andExpect(status().isOk());
		String codeToken = JsonPath.read(TokenTestSupport.create(this.mvc, ProjectTestSupport.DEVELOPER,
				"{\"name\": \"tags\", \"scopes\": [\"code:write\"]}"), "$.token");
		String sha = CodeTestSupport.sha();
		register("2.1.0", sha).andExpect(status().isCreated());
		String tags = "/api/v1/orgs/acme/projects/" + this.project + "/tags";

		this.mvc
			.perform(post(tags).with(TokenTestSupport.bearer(codeToken))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"tag\": \"refs/tags/v2 1\", \"sha\": \"abc\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("tag"))
			.andExpect(jsonPath("$.errors[1].field").value("sha"));
		this.mvc
			.perform(post(tags).with(TokenTestSupport.bearer(this.ciToken))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"tag\": \"v2.1.0\", \"sha\": \"" + sha + "\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(tags).with(TokenTestSupport.bearer(codeToken))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"tag\": \"refs/tags/v2.1.0\", \"sha\": \"" + sha + "\"}"))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post(tags).with(TokenTestSupport.bearer(codeToken))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"tag\": \"v2.1.0\", \"sha\": \"" + sha + "\"}"))
			.andExpect(status().isOk());

		assertThat(versionsOn("staging")).containsExactly("2.1.0");
	}

	@Test
	void onlyPolicyManagersSetItAndBadSettingsAreRefusedFieldByField() throws Exception {
		this.mvc
			.perform(put(autoDeploy("staging"))
				.session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.DEVELOPER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"enabled\": true}"))
			.andExpect(status().isForbidden());
		settings("staging", "{\"source\": \"tag\", \"tagPattern\": \"v*\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("enabled"));
		settings("staging", "{\"enabled\": true, \"source\": \"tag\", \"whenBlocked\": \"later\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("tagPattern"))
			.andExpect(jsonPath("$.errors[1].field").value("whenBlocked"));
		this.mvc.perform(get(autoDeploy("staging")).session(owner())).andExpect(jsonPath("$.enabled").value(false));
	}

	@Test
	void theSettingsPageShowsTheRuleReadOnlyToViewersAndRefusesAPlainFormBesideItsField() throws Exception {
		String page = "/orgs/acme/projects/" + this.project + "/environments/staging/deployment-settings";
		this.mvc
			.perform(post(page + "/auto-deploy")
				.session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.DEVELOPER))
				.with(csrf())
				.param("enabled", "true"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(page + "/auto-deploy").session(owner())
				.with(csrf())
				.param("enabled", "true")
				.param("source", "tag")
				.param("tagPattern", "has spaces"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"tagPattern-error\"")))
			.andExpect(content().string(containsString("value=\"has spaces\"")));
		this.mvc
			.perform(post(page + "/auto-deploy").session(owner())
				.with(csrf())
				.param("enabled", "true")
				.param("source", "tag")
				.param("tagPattern", "v*"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(page).session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("deploys builds of tags v*")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"save-auto\""))));
	}

	private ResultActions settings(String environment, String json) throws Exception {
		return this.mvc.perform(put(autoDeploy(environment)).session(owner())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private ResultActions githubDelivery(String body) throws Exception {
		return this.mvc.perform(post(this.github).contentType(MediaType.APPLICATION_JSON)
			.header("X-GitHub-Event", "push")
			.header("X-Hub-Signature-256", CodeTestSupport.signature(SECRET, body))
			.content(body));
	}

	private ResultActions register(String version, String sha) throws Exception {
		return this.mvc.perform(post("/api/v1/orgs/acme/projects/" + this.project + "/artifacts")
			.with(TokenTestSupport.bearer(this.ciToken))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": \"" + version + "\", \"commitSha\": \"" + sha + "\", \"digest\": \"sha256:"
					+ "ab".repeat(32) + "\"}"));
	}

	private List<String> versionsOn(String environment) throws Exception {
		String json = this.mvc
			.perform(get("/api/v1/orgs/acme/projects/" + this.project + "/environments/" + environment + "/deployments")
				.session(owner()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.deployments[*].artifact.version");
	}

	private String autoDeploy(String environment) {
		return "/api/v1/orgs/acme/projects/" + this.project + "/environments/" + environment + "/auto-deploy";
	}

	private org.springframework.mock.web.MockHttpSession owner() {
		return ProjectTestSupport.session(this.mvc, ProjectTestSupport.OWNER);
	}

	private static String payload(String name) throws Exception {
		try (InputStream in = AutomaticDeploymentsApiTest.class.getResourceAsStream("/forge-payloads/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
