package app.lockstep.web.deploy;

import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.Demo;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static app.lockstep.web.project.ProjectTestSupport.DEVELOPER;
import static app.lockstep.web.project.ProjectTestSupport.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment page follows its deployment without a reload (issue 15, live status): the
 * developer watches their request while a lead approves it elsewhere and the scheduler
 * starts it.
 */
@LockstepTest
class LiveStatusJourneyTest extends BrowserJourney {

	@Autowired
	DecideOnDeployment decide;

	@Autowired
	DeploymentScheduler scheduler;

	@Test
	void theDeploymentPageShowsApprovalAndStartWithoutAReload() throws Exception {
		this.clock.pin(DeploymentScenario.TUESDAY);
		DeploymentScenario project = scenario().liveRelease("live");
		Deployment request = project.requestRelease(DEVELOPER, "Watch me");
		String path = "/orgs/acme/projects/" + project.slug() + "/environments/production/deployments/" + request.id();
		browser.login(DEVELOPER, Demo.PASSWORD).open(path).find("#deployment-card .status-awaiting_approval");
		assertThat(browser.all("#deployment-live")).as("the page asks for its status").hasSize(1);

		this.decide.decide(project.caller(LEAD), project.slug(), "production", request.id(),
				new DecideOnDeployment.Input("approve", "Go ahead"));
		browser.find("#deployment-card .status-scheduled");
		assertThat(browser.find("#deployment-timeline").getText()).contains("Approved", "Go ahead");

		this.scheduler.runOnce();
		browser.find("#deployment-card .status-running");
		assertThat(browser.find("#deployment-timeline").getText()).contains("Started");
		assertThat(browser.currentPath()).isEqualTo(path);
	}

}
