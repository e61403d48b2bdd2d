package app.lockstep.web.deploy;

import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.Demo;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import static app.lockstep.web.project.ProjectTestSupport.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the owner turns on automatic deployments for staging (a tag rule
 * without a pattern is refused beside its field first); a push to main and its build then
 * put a deployment on staging by themselves, which the environment page and the settings'
 * list of automatic deployments show.
 */
@LockstepTest
class AutomaticDeploymentJourneyTest extends BrowserJourney {

	@Test
	void aPushAndItsBuildDeployStagingByThemselves() throws Exception {
		DeploymentScenario scenario = scenario().project("auto-journey");
		String staging = "/orgs/acme/projects/" + scenario.slug() + "/environments/staging";

		browser.login(OWNER, Demo.PASSWORD).open(staging + "/deployment-settings").find("#auto-form");
		browser.click("#auto-enabled")
			.click("#auto-source-tag")
			.click("#save-auto")
			.waitForText("Enter the tags to deploy");
		assertThat(browser.find("#auto-status").getText()).startsWith("Off");
		browser.click("#auto-source-branch")
			.click("#save-auto")
			.waitForText("Automatic deployments on: builds of branch main.");
		browser.screenshotPage("auto-deploy-settings-on");

		String sha = DeploymentScenario.sha();
		scenario.push(scenario.owner(), sha, "Faster checkout", "2026-12-01T08:00:00Z").artifact("2.0.0", sha);

		browser.open(staging).find("#deployments");
		assertThat(browser.text()).contains("Automatic deployment").contains("2.0.0");
		assertThat(browser.find("#gate-summary").getText()).contains("deploys builds of branch main automatically");
		browser.screenshotPage("auto-deploy-environment");
		browser.open(staging + "/deployment-settings").find("#auto-recent");
		assertThat(browser.find("#auto-recent").getText()).contains("2.0.0")
			.contains("branch main")
			.contains("Requested");
		browser.screenshotPage("auto-deploy-settings-recent");
	}

}
