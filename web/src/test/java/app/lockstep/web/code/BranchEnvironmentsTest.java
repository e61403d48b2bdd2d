package app.lockstep.web.code;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.deploy.BranchEnvironmentLifecycle;
import app.lockstep.web.code.CodeTestSupport.Pushed;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
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
 * Environments per branch over HTTP and the real database: a push to a new matching
 * branch creates an environment whose config is its parent's latest revision (secrets
 * included, still sealed), which deploys the branch's builds; deleting the branch
 * deactivates it (history kept; a new push makes a new one); the limit and the idle time
 * hold; only policy managers set the rule.
 */
@LockstepTest
class BranchEnvironmentsTest extends ScenarioTestBase {

	private static final String SECRET = "branch-environments-secret-0123456789";

	DeploymentScenario shop;

	String github;

	@BeforeEach
	void aProjectWithStagingConfigAndAWebhook() throws Exception {
		this.shop = scenario().project("branches");
		this.shop.config("staging", null, "", List.of(DeploymentScenario.variable("API_URL", "https://staging.example"),
				new VariableInput("DB_PASSWORD", "s3cret-pass", true, Visibility.BOTH)), "Staging config");
		this.github = CodeTestSupport.path(CodeTestSupport.webhook(this.mvc, this.shop.slug(), SECRET), "github");
	}

	@Test
	void aFeatureBranchGetsAnEnvironmentFromItsParentThatDeploysUntilTheBranchIsDeleted() throws Exception {
		rule("{\"enabled\": true, \"pattern\": \"feature/*\", \"parent\": \"staging\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.maxActive").value(10))
			.andExpect(jsonPath("$.idleDays").value(14));
		String sha = CodeTestSupport.sha();

		push("refs/heads/feature/login", new Pushed(sha, "Login form", "2026-12-01T08:00:00Z"));
		push("refs/heads/fix/typo", new Pushed(CodeTestSupport.sha(), "Typo", "2026-12-01T08:00:00Z"));

		this.mvc.perform(get(api()).session(as(ProjectTestSupport.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.environments.length()").value(1))
			.andExpect(jsonPath("$.environments[0].environment").value("feature-login"))
			.andExpect(jsonPath("$.environments[0].branch").value("feature/login"))
			.andExpect(jsonPath("$.environments[0].parent").value("staging"))
			.andExpect(jsonPath("$.environments[0].parentRevision").value(1))
			.andExpect(jsonPath("$.environments[0].active").value(true));
		String config = environment("feature-login") + "/config";
		this.mvc.perform(get("/api/v1" + config).param("format", "dotenv").session(as(ProjectTestSupport.DEVELOPER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("API_URL='https://staging.example'")))
			.andExpect(content().string(containsString("DB_PASSWORD='s3cret-pass'")));
		this.mvc.perform(get("/api/v1" + config + "/revisions/1").session(as(ProjectTestSupport.DEVELOPER)))
			.andExpect(jsonPath("$.message").value("Cloned from staging revision 1."));

		this.shop.artifact("1.0.0-login", sha);
		assertThat(versionsOn("feature-login")).containsExactly("1.0.0-login");
		this.mvc
			.perform(get("/orgs/acme/projects/" + this.shop.slug() + "/environments/feature-login")
				.session(as(ProjectTestSupport.DEVELOPER)))
			.andExpect(content().string(containsString("Branch environment of feature/login")))
			.andExpect(content().string(containsString("id=\"compare-with-parent\"")));

		// GitHub's delete event (sent beside the push that deletes the branch when the
		// hook subscribes to it)
		String delete = "{\"ref\": \"feature/login\", \"ref_type\": \"branch\", \"pusher_type\": \"user\","
				+ " \"sender\": {\"login\": \"octocat\"}}";
		this.mvc
			.perform(post(this.github).contentType(MediaType.APPLICATION_JSON)
				.header("X-GitHub-Event", "delete")
				.header("X-Hub-Signature-256", CodeTestSupport.signature(SECRET, delete))
				.content(delete))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.detail").value(containsString("was deleted")));
		push("refs/heads/feature/login").andExpect(jsonPath("$.detail").value(containsString("deleted")));

		this.mvc.perform(get(api()).session(as(ProjectTestSupport.VIEWER)))
			.andExpect(jsonPath("$.environments[0].active").value(false))
			.andExpect(jsonPath("$.environments[0].deactivatedReason").value("The branch feature/login was deleted."));
		this.mvc
			.perform(get("/orgs/acme/projects/" + this.shop.slug() + "/environments/feature-login")
				.session(as(ProjectTestSupport.DEVELOPER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Deactivated branch environment of feature/login")));
		String other = CodeTestSupport.sha();
		this.shop.artifact("1.0.1-login", other);
		push("refs/heads/feature/login", new Pushed(other, "Login again", "2026-12-02T08:00:00Z"));
		assertThat(versionsOn("feature-login")).as("a deactivated environment deploys nothing").hasSize(1);
		assertThat(versionsOn("feature-login-2")).containsExactly("1.0.1-login");
	}

	@Test
	void theLimitOfActiveEnvironmentsAndTheIdleTimeHold() throws Exception {
		this.clock.pin(Instant.parse("2026-11-01T09:00:00Z"));
		rule("{\"enabled\": true, \"pattern\": \"feature/**\", \"parent\": \"development\", \"maxActive\": 1,"
				+ " \"idleDays\": 3}")
			.andExpect(status().isOk());
		push("refs/heads/feature/a", new Pushed(CodeTestSupport.sha(), "A", "2026-11-01T08:00:00Z"));
		push("refs/heads/feature/b", new Pushed(CodeTestSupport.sha(), "B", "2026-11-01T08:00:00Z"));
		this.mvc.perform(get(api()).session(as(ProjectTestSupport.OWNER)))
			.andExpect(jsonPath("$.environments.length()").value(1))
			.andExpect(jsonPath("$.environments[0].environment").value("feature-a"))
			.andExpect(jsonPath("$.environments[0].parentRevision").doesNotExist());

		this.clock.advance(Duration.ofDays(4));
		this.context.getBean(BranchEnvironmentLifecycle.class).sweepIdle();

		this.mvc.perform(get(api()).session(as(ProjectTestSupport.OWNER)))
			.andExpect(jsonPath("$.environments[0].active").value(false))
			.andExpect(jsonPath("$.environments[0].deactivatedReason").value("No push for 3 days."));
		push("refs/heads/feature/b", new Pushed(CodeTestSupport.sha(), "B again", "2026-11-05T08:00:00Z"));
		this.mvc.perform(get(api()).session(as(ProjectTestSupport.OWNER)))
			.andExpect(jsonPath("$.environments[0].environment").value("feature-b"))
			.andExpect(jsonPath("$.environments[0].active").value(true));
	}

	@Test
	void onlyPolicyManagersSetTheRuleAndBadRulesAreRefusedFieldByField() throws Exception {
		this.mvc
			.perform(put(api()).session(as(ProjectTestSupport.DEVELOPER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"enabled\": true, \"pattern\": \"feature/*\", \"parent\": \"staging\"}"))
			.andExpect(status().isForbidden());
		rule("{\"enabled\": true, \"parent\": \"nowhere\", \"maxActive\": 0}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("pattern"))
			.andExpect(jsonPath("$.errors[1].field").value("parent"))
			.andExpect(jsonPath("$.errors[2].field").value("maxActive"));
		String settings = "/orgs/acme/projects/" + this.shop.slug() + "/settings";
		this.mvc
			.perform(post(settings + "/branch-environments").session(as(ProjectTestSupport.OWNER))
				.with(csrf())
				.param("enabled", "true")
				.param("pattern", "has spaces")
				.param("parent", "staging"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"pattern-error\"")))
			.andExpect(content().string(containsString("value=\"has spaces\"")));
		this.mvc.perform(get(api()).session(as(ProjectTestSupport.OWNER)))
			.andExpect(jsonPath("$.enabled").value(false));
	}

	private ResultActions rule(String json) throws Exception {
		return this.mvc.perform(put(api()).session(as(ProjectTestSupport.OWNER))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private ResultActions push(String ref, Pushed... commits) throws Exception {
		String body = CodeTestSupport.githubPush(ref, commits);
		return this.mvc
			.perform(post(this.github).contentType(MediaType.APPLICATION_JSON)
				.header("X-GitHub-Event", "push")
				.header("X-Hub-Signature-256", CodeTestSupport.signature(SECRET, body))
				.content(body))
			.andExpect(status().isOk());
	}

	private List<String> versionsOn(String environment) throws Exception {
		String json = this.mvc
			.perform(get("/api/v1" + environment(environment) + "/deployments").session(as(ProjectTestSupport.OWNER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.deployments[*].artifact.version");
	}

	private String environment(String name) {
		return "/orgs/acme/projects/" + this.shop.slug() + "/environments/" + name;
	}

	private String api() {
		return "/api/v1/orgs/acme/projects/" + this.shop.slug() + "/branch-environments";
	}

}
