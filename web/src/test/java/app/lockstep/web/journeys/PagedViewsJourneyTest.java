package app.lockstep.web.journeys;

import java.util.ArrayList;
import java.util.List;

import app.lockstep.domain.deploy.CancelDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release board and the approval queue of a big organization in a real browser: a
 * page at first, and "show more" appending the next rows in place.
 */
@LockstepTest
class PagedViewsJourneyTest extends BrowserJourney {

	@Autowired
	CancelDeployment cancel;

	@Test
	void theBoardShowsMoreProjectsInPlace() {
		ProjectTestSupport.OwnOrganization own = ProjectTestSupport.organizationWithProjects(this.context, "paged", 30);
		browser.login(own.email(), own.password()).open("/orgs/" + own.slug()).find("#environment-grid");
		assertThat(browser.all("#environment-grid tbody tr")).hasSize(25);
		assertThat(browser.find("#board-range").getText()).isEqualTo("Projects 1–25 of 30");
		browser.click("#board-show-more").waitForText("Projects 1–30 of 30");
		assertThat(browser.all("#environment-grid tbody tr")).hasSize(30);
		assertThat(browser.all("#board-show-more")).isEmpty();
		assertThat(browser.currentPath()).isEqualTo("/orgs/" + own.slug());
		browser.screenshotPage("board-shown-more");
	}

	@Test
	void theQueueShowsMoreRequestsInPlace() throws Exception {
		// production's default windows close on Fridays in its zone: a Tuesday, whatever
		// day CI runs
		this.clock.pin(DeploymentScenario.TUESDAY);
		DeploymentScenario project = scenario().liveRelease("paged-queue");
		List<Deployment> requests = new ArrayList<>();
		try {
			for (int i = 1; i <= 22; i++) {
				requests.add(project.requestRelease("dev@acme.test", "Paged " + i));
			}
			browser.login("lead@acme.test", "lockstep-demo").open("/orgs/acme/approvals").find("#approval-queue");
			assertThat(browser.all("#queue-cards details.queue-card")).hasSize(20);
			String range = browser.find("#queue-range").getText();
			assertThat(range).startsWith("Requests 1–20 of ");
			int total = Integer.parseInt(range.substring(range.lastIndexOf(' ') + 1));
			browser.click("#queue-show-more").waitForText("Requests 1–" + Math.min(40, total) + " of " + total);
			assertThat(browser.all("#queue-cards details.queue-card")).hasSize(Math.min(40, total));
			browser.screenshot("queue-shown-more");
		}
		finally {
			for (Deployment request : requests) {
				this.cancel.cancel(project.caller("dev@acme.test"), project.slug(), "production", request.id(), null);
			}
		}
	}

}
