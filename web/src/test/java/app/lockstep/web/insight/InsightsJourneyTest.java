package app.lockstep.web.insight;

import java.time.Duration;
import java.util.List;

import app.lockstep.domain.deploy.ConfigureApprovalPolicy;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.Demo;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a lead opens the insights page, picks a project and a period, and
 * reads the four figures and the chart.
 */
@LockstepTest
class InsightsJourneyTest extends BrowserJourney {

	@Test
	void aLeadReadsAProjectsDeliveryMetrics() throws Exception {
		this.clock.pin(DeploymentScenario.TUESDAY);
		DeploymentScenario live = scenario().project("dora-journey", "production", "PRODUCTION");
		this.context.getBean(ConfigureApprovalPolicy.class)
			.update(live.owner(), live.slug(), "production",
					new ConfigureApprovalPolicy.Input(0, List.of(), false, 72, null));
		for (int i = 0; i < 3; i++) {
			String sha = DeploymentScenario.sha();
			live.push(live.owner(), sha, "Change " + i, "2026-11-24T0" + (7 + i) + ":00:00Z")
				.artifact("1." + i + ".0", sha);
			live.deploy("production", "1." + i + ".0", (i == 1) ? "failed" : "succeeded");
			this.clock.advance(Duration.ofHours(3));
		}

		browser.login(ProjectTestSupport.LEAD, Demo.PASSWORD).open("/orgs/acme/insights").find("#dora-filter");
		browser.select("#dora-project", live.slug()).type("#dora-from", "11/18/2026").type("#dora-to", "11/24/2026");
		browser.click("#dora-show").waitForText("Deployments measured");
		assertThat(browser.find("#dora-frequency").getText()).contains("2 (0.29 a day)");
		assertThat(browser.find("#dora-failure-rate").getText()).contains("33% (1 of 3)");
		assertThat(browser.all("#dora-chart rect")).isNotEmpty();
		browser.screenshotPage("insights-dora");
	}

}
