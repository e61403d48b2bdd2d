package app.lockstep.web.deploy;

import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.Demo;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

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
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	DeployFixtures fixtures;

	@Autowired
	DecideOnDeployment decide;

	@Autowired
	DeploymentScheduler scheduler;

	@AfterEach
	void releaseTheClock() {
		this.clock.release();
	}

	@Test
	void theDeploymentPageShowsApprovalAndStartWithoutAReload() throws Exception {
		this.clock.pin(DeployFixtures.TUESDAY);
		DeployFixtures.LiveProject project = this.fixtures.liveProject(this.mvc, "live", DeployFixtures.TUESDAY);
		Deployment request = this.fixtures.request(project.slug(), DEVELOPER, "Watch me");
		String path = "/orgs/acme/projects/" + project.slug() + "/environments/production/deployments/" + request.id();
		browser.login(DEVELOPER, Demo.PASSWORD).open(path).find("#deployment-card .status-awaiting_approval");
		assertThat(browser.all("#deployment-live")).as("the page asks for its status").hasSize(1);

		this.decide.decide(this.fixtures.caller(LEAD), project.slug(), "production", request.id(),
				new DecideOnDeployment.Input("approve", "Go ahead"));
		browser.find("#deployment-card .status-scheduled");
		assertThat(browser.find("#deployment-timeline").getText()).contains("Approved", "Go ahead");

		this.scheduler.runOnce();
		browser.find("#deployment-card .status-running");
		assertThat(browser.find("#deployment-timeline").getText()).contains("Started");
		assertThat(browser.currentPath()).isEqualTo(path);
	}

}
