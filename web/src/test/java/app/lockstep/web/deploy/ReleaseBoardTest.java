package app.lockstep.web.deploy;

import app.lockstep.domain.deploy.Deployment;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard as the release board (issue 15): per environment the live version, what
 * is in flight, awaiting approval or failed, the window now, and "promote" of the
 * previous stage's live artifact, which opens the normal request form prefilled.
 */
@LockstepTest
class ReleaseBoardTest extends ScenarioTestBase {

	@BeforeEach
	void tuesdayMorning() {
		this.clock.pin(DeploymentScenario.TUESDAY);
	}

	/** The HTML of one environment's cell on the dashboard. */
	static String cell(String html, String slug, String environment) {
		int row = html.indexOf("data-project=\"" + slug + "\"");
		assertThat(row).isPositive();
		int start = html.indexOf("/orgs/acme/projects/" + slug + "/environments/" + environment + "\"", row);
		assertThat(start).as("the cell of " + environment).isPositive();
		return html.substring(start, html.indexOf("</td>", start));
	}

	@Test
	void eachCellShowsLiveInFlightQueuedFailedTheWindowAndPromote() throws Exception {
		DeploymentScenario project = scenario().liveRelease("board");
		String slug = project.slug();
		project.deploy("staging", "1.1.0", "succeeded");
		Deployment failed = project.deploy("development", "1.1.0", "failed");
		project.requestRelease(ProjectTestSupport.DEVELOPER, "For the sale");
		String html = ProjectTestSupport.boardPageWith(this.mvc, as(ProjectTestSupport.OWNER), "acme", slug);
		String production = cell(html, slug, "production");
		assertThat(production).contains("data-live-version=\"1.0.0\"", "1 awaiting approval",
				"window-chip mt-1 is-open", "Open until",
				"href=\"/orgs/acme/projects/" + slug
						+ "/environments/production/deployments/new?artifact=1.1.0&amp;from=staging\"",
				"Promote 1.1.0");
		String staging = cell(html, slug, "staging");
		assertThat(staging).contains("data-live-version=\"1.1.0\"").doesNotContain("Promote");
		String development = cell(html, slug, "development");
		assertThat(development).contains("state-failed", "Failed: 1.1.0", failed.id().toString())
			.doesNotContain("Promote");
		// A viewer sees the board but not "promote".
		String viewer = ProjectTestSupport.boardPageWith(this.mvc, as(ProjectTestSupport.VIEWER), "acme", slug);
		assertThat(cell(viewer, slug, "production")).contains("1 awaiting approval").doesNotContain("Promote");
	}

	/**
	 * The board reads the latest revision of every scope of the organization at once:
	 * each project's drift lines compare its own environments with its own shared
	 * variables.
	 */
	@Test
	void driftLinesCompareEachProjectsOwnLatestRevisions() throws Exception {
		String html = ProjectTestSupport.boardPageWith(this.mvc, as(ProjectTestSupport.OWNER), "acme", "shop");
		String shop = html.substring(html.indexOf("data-project=\"shop\""));
		shop = shop.substring(0, shop.indexOf("</th>"));
		assertThat(shop).contains("drift-line", "staging ≠ production: ", "php");
		String board = this.mvc
			.perform(get("/orgs/acme/projects/shop/compare").param("left", "staging")
				.param("right", "production")
				.session(as(ProjectTestSupport.OWNER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(board).contains("drift-headline");
	}

	@Test
	void inFlightIsShownWhileItRuns() throws Exception {
		DeploymentScenario project = scenario().liveRelease("flight");
		Deployment running = project.deploy("staging", "1.1.0", null);
		String html = ProjectTestSupport.boardPageWith(this.mvc, as(ProjectTestSupport.OWNER), "acme", project.slug());
		assertThat(cell(html, project.slug(), "staging")).contains("state-running", "Deploying 1.1.0",
				running.id().toString());
	}

	@Test
	void promoteOpensTheNormalRequestFormPrefilled() throws Exception {
		DeploymentScenario project = scenario().liveRelease("promote");
		String html = this.mvc
			.perform(get("/orgs/acme/projects/" + project.slug() + "/environments/production/deployments/new")
				.param("artifact", "1.1.0")
				.param("from", "staging")
				.session(as(ProjectTestSupport.DEVELOPER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"promote-note\"", "Promoting 1.1.0, live on staging, to production.",
				"gate and windows", "<option value=\"1.1.0\" selected=\"selected\">",
				"action=\"/orgs/acme/projects/" + project.slug() + "/environments/production/deployments/new\"");
		// Without the parameters, the form's defaults (the live artifact).
		String plain = this.mvc
			.perform(get("/orgs/acme/projects/" + project.slug() + "/environments/production/deployments/new")
				.session(as(ProjectTestSupport.DEVELOPER)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(plain).doesNotContain("promote-note").contains("<option value=\"1.0.0\" selected=\"selected\">");
		// A viewer may not request: no form, promoted or not.
		this.mvc
			.perform(get("/orgs/acme/projects/" + project.slug() + "/environments/production/deployments/new")
				.param("artifact", "1.1.0")
				.session(as(ProjectTestSupport.VIEWER)))
			.andExpect(status().isForbidden());
	}

}
