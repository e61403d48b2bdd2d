package app.lockstep.web.deploy;

import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.Demo;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import static app.lockstep.web.project.ProjectTestSupport.DEVELOPER;
import static app.lockstep.web.project.ProjectTestSupport.LEAD;
import static app.lockstep.web.project.ProjectTestSupport.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a lead opens a production request from the environment page, sees
 * what it would change and approves it with one click (htmx swaps the card, CSRF header
 * included); the request form and the settings render. Screenshots go to
 * target/screenshots.
 */
@LockstepTest
class DeploymentPagesBrowserTest extends BrowserJourney {

	@Test
	void aLeadApprovesARequestFromTheEnvironmentPage() throws Exception {
		this.clock.pin(DeploymentScenario.TUESDAY);
		DeploymentScenario scenario = scenario().project("dpl-browser");
		String project = scenario.slug();
		DeploymentPagesTest.liveWithTwoCommitsAndARevisionSince(scenario, DeploymentScenario.sha(),
				DeploymentScenario.sha(), DeploymentScenario.sha());
		Deployment pending = scenario.request(scenario.caller(DEVELOPER), "production",
				new RequestDeployment.Input("1.1.0", 2, null, "queue", "Faster search for the sale", false, null));

		String environment = "/orgs/acme/projects/" + project + "/environments/production";
		browser.login(LEAD, Demo.PASSWORD).open(environment).find("#deployments");
		browser.screenshotPage("deploy-environment-card");
		browser.click("#deployments-in-flight a").waitForText("What would change");
		browser.screenshotPage("deploy-deployment-awaiting");
		browser.type("#decide-comment", "Looks good")
			.click("#approve")
			.waitForText("Approved. The deployment is scheduled.");
		assertThat(browser.find("#approval-count").getText()).isEqualToIgnoringCase("1 of 1 required");
		browser.screenshotPage("deploy-deployment-approved");
		assertThat(browser.currentPath()).isEqualTo(environment + "/deployments/" + pending.id());

		browser.logout().login(OWNER, Demo.PASSWORD).open(environment + "/deployments/new").find("#request-form");
		browser.click("#schedule-at").click("#submit-request").waitForText("Choose the date and time");
		browser.screenshotPage("deploy-request-form-refused");
		browser.open(environment + "/deployment-settings").find("#policy-form");
		browser.screenshotPage("deploy-settings");
	}

}
