package app.lockstep.web.deploy;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import app.lockstep.domain.deploy.ConfigureDeployTarget;
import app.lockstep.domain.token.CreateApiToken;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The journey, end to end in a real browser: on a Friday afternoon a developer
 * asks for a production deployment; "No Friday deploys" blocks it and it is queued; a
 * lead approves it from the approval queue; when the window opens on Monday the scheduler
 * hands it to the team's deployer (a local webhook receiver); the deployer reports
 * success with its API token; the dashboard shows the new version.
 */
@LockstepTest
class FridayDeploymentJourneyTest extends BrowserJourney {

	/** Tuesday 24 November 2026, 11:00 in Paris: production is open. */
	private static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");

	/** Friday 27 November 2026, 15:00 in Paris. */
	private static final Instant FRIDAY = Instant.parse("2026-11-27T14:00:00Z");

	/** Monday 30 November 2026, 09:00 in Paris: the window is open again. */
	private static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");

	@Autowired
	ConfigureDeployTarget targets;

	@Autowired
	CreateApiToken tokens;

	@Autowired
	DeploymentScheduler scheduler;

	private HttpServer deployer;

	@AfterEach
	void cleanUp() {
		this.clock.release();
		if (this.deployer != null) {
			this.deployer.stop(0);
		}
	}

	@Test
	void aFridayRequestIsQueuedApprovedAndRunsWhenTheWindowOpens() throws Exception {
		this.clock.pin(TUESDAY);
		DeploymentScenario scenario = scenario().liveRelease("friday");
		String project = scenario.slug();
		List<String> deliveries = new CopyOnWriteArrayList<>();
		this.deployer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.deployer.createContext("/deploy", (exchange) -> {
			deliveries.add(new String(exchange.getRequestBody().readAllBytes()));
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		this.deployer.start();
		this.targets.update(scenario.owner(), project, "production",
				new ConfigureDeployTarget.Input("webhook",
						"http://127.0.0.1:" + this.deployer.getAddress().getPort() + "/deploy",
						"journey-deployer-secret-0123456789", 30));
		String token = this.tokens
			.create(scenario.owner(),
					new CreateApiToken.Input("deployer", List.of("deployments:write", "config:read"), project, null,
							null))
			.secret()
			.value();
		String environment = "/orgs/acme/projects/" + project + "/environments/production";

		this.clock.pin(FRIDAY);
		browser.login("dev@acme.test", "lockstep-demo").open(environment);
		browser.click("#request-deployment").find("#request-form");
		browser.select("#artifact", "1.1.0");
		browser.click("#whenBlocked-queue").type("#note", "The new checkout, for Monday");
		browser.screenshotPage("friday-request-form");
		browser.click("#submit-request").waitForText("What would change");
		browser.waitForText("No Friday deploys");
		assertThat(browser.text()).containsIgnoringCase("awaiting approval");
		String deploymentPath = browser.currentPath();
		String id = deploymentPath.substring(deploymentPath.lastIndexOf('/') + 1);
		browser.screenshotPage("friday-request-queued");

		browser.logout().login("lead@acme.test", "lockstep-demo").open("/orgs/acme");
		browser.click("#nav-approvals").waitForPath("/orgs/acme/approvals");
		String card = "#request-" + id;
		browser.showMoreUntil(card, "#queue-show-more").find(card);
		browser.screenshotPage("friday-approval-queue");
		// The queue shows one line per request; it opens in place.
		browser.click(card + " > summary");
		browser.type(card + " textarea", "Fine for Monday morning");
		browser.click(card + " .queue-approve").waitForText("Approved");
		assertThat(browser.find(card).getText()).containsIgnoringCase("window");
		browser.screenshot("friday-approved-waiting");

		this.scheduler.runOnce();
		assertThat(deliveries).as("nothing is deployed while the window is closed").isEmpty();

		this.clock.pin(MONDAY);
		this.scheduler.runOnce();
		assertThat(deliveries).hasSize(1);
		assertThat(deliveries.get(0)).contains("\"version\":\"1.1.0\"").contains(id);

		this.mvc.perform(
				post("/api/v1/orgs/acme/projects/" + project + "/environments/production/deployments/" + id + "/status")
					.header("Authorization", "Bearer " + token)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"status\": \"succeeded\", \"message\": \"Rolled out to 4 pods\"}"))
			.andExpect(status().isOk());

		String cell = "tr[data-project='" + project + "'] [data-live-version='1.1.0']";
		browser.open("/orgs/acme").showMoreUntil("tr[data-project='" + project + "']", "#board-show-more");
		assertThat(browser.all(cell)).as("the dashboard shows 1.1.0 live").isNotEmpty();
		browser.screenshotPage("friday-dashboard-new-version");
		browser.open(deploymentPath).waitForText("Succeeded");
		browser.screenshotPage("friday-deployment-succeeded");
		browser.open(environment + "/timeline").waitForText("Brings 12 commits");
		browser.screenshotPage("friday-timeline");
	}

}
