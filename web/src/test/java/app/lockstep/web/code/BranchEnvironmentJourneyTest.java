package app.lockstep.web.code;

import app.lockstep.domain.deploy.ConfigureBranchEnvironments;
import app.lockstep.web.code.CodeTestSupport.Pushed;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.Demo;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * In a real browser: the owner turns on environments per branch on the project settings
 * page; a push to feature/search (a signed GitHub delivery) and its build create an
 * environment that deploys by itself, which the board and its page show; deleting the
 * branch takes it off the board while its page keeps its history.
 */
@LockstepTest
class BranchEnvironmentJourneyTest extends BrowserJourney {

	private static final String SECRET = "branch-journey-secret-0123456789";

	@Test
	void aFeatureBranchGetsItsEnvironmentAndLosesItWhenDeleted() throws Exception {
		DeploymentScenario shop = scenario().project("branch-journey");
		String github = CodeTestSupport.path(CodeTestSupport.webhook(this.mvc, shop.slug(), SECRET), "github");
		String settings = "/orgs/acme/projects/" + shop.slug() + "/settings";

		browser.login(ProjectTestSupport.OWNER, Demo.PASSWORD).open(settings).find("#branch-form");
		browser.click("#branch-enabled")
			.type("#branch-pattern", "")
			.click("#save-branch")
			.waitForText("Enter the branches");
		browser.type("#branch-pattern", "feature/*")
			.select("#branch-parent", "staging")
			.click("#save-branch")
			.waitForText("Environments per branch on: pushes to feature/* get their own.");

		String sha = DeploymentScenario.sha();
		deliver(github, CodeTestSupport.githubPush("refs/heads/feature/search",
				new Pushed(sha, "Search box", "2026-12-01T08:00:00Z")));
		shop.artifact("3.0.0-search", sha);

		browser.open(settings).find("#branch-table");
		assertThat(browser.find("#branch-table").getText()).contains("feature-search").contains("feature/search");
		browser.screenshotPage("branch-environments-settings");
		browser.open("/orgs/acme/projects/" + shop.slug() + "/environments/feature-search").find("#branch-note");
		assertThat(browser.text()).contains("3.0.0-search").contains("Automatic deployment");
		browser.screenshotPage("branch-environment-page");
		assertThat(this.context.getBean(ConfigureBranchEnvironments.class)
			.view(shop.caller(ProjectTestSupport.OWNER), shop.slug())
			.environments()).extracting((e) -> e.name()).doesNotContain("feature-search");

		deliver(github, CodeTestSupport.githubPush("refs/heads/feature/search"));
		browser.open("/orgs/acme/projects/" + shop.slug() + "/environments/feature-search").find("#branch-note");
		assertThat(browser.find("#branch-note").getText()).contains("Deactivated").contains("was deleted");
		browser.open("/orgs/acme/projects/" + shop.slug()).find("main");
		assertThat(browser.text()).doesNotContain("feature-search");
		browser.screenshotPage("branch-environment-gone");
	}

	private void deliver(String hook, String body) throws Exception {
		this.mvc
			.perform(post(hook).contentType(MediaType.APPLICATION_JSON)
				.header("X-GitHub-Event", "push")
				.header("X-Hub-Signature-256", CodeTestSupport.signature(SECRET, body))
				.content(body))
			.andExpect(status().isOk());
	}

}
