package app.lockstep.web.deploy;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static app.lockstep.web.project.ProjectTestSupport.DEVELOPER;
import static app.lockstep.web.project.ProjectTestSupport.LEAD;
import static app.lockstep.web.project.ProjectTestSupport.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What people saw on a deployment's pages that was wrong (issue 15): the timeline lagging
 * after "Mark succeeded", "Marked failed." in green, an emergency shown as blocked by the
 * window it bypassed, the approvals count including the lead's own request, and a second
 * identical request accepted without a word.
 */
@LockstepTest
class DeploymentPageDefectsTest extends ScenarioTestBase {

	/** Friday 27 November 2026, 11:00 in Paris: "No Friday deploys". */
	static final Instant FRIDAY = Instant.parse("2026-11-27T10:00:00Z");

	@Autowired
	RequestDeployment requestDeployment;

	@Autowired
	DecideOnDeployment decide;

	@Autowired
	DeploymentScheduler scheduler;

	DeploymentScenario project;

	@BeforeEach
	void aProjectWithSomethingLive() throws Exception {
		this.clock.pin(DeploymentScenario.TUESDAY);
		this.project = scenario().liveRelease("dfx");
	}

	String path(Deployment deployment) {
		return "/orgs/acme/projects/" + this.project.slug() + "/environments/production/deployments/" + deployment.id();
	}

	Deployment running() {
		Deployment request = this.project.requestRelease(DEVELOPER, "Ship it");
		this.decide.decide(this.project.caller(LEAD), this.project.slug(), "production", request.id(),
				new DecideOnDeployment.Input("approve", null));
		this.scheduler.runOnce();
		return request;
	}

	@Test
	void markSucceededWithHtmxAlsoRefreshesTheTimeline() throws Exception {
		Deployment deployment = running();
		String body = this.mvc
			.perform(post(path(deployment) + "/finish").session(as(DEVELOPER))
				.with(csrf())
				.header("HX-Request", "true")
				.param("outcome", "succeeded"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("id=\"deployment-card\"", "Marked succeeded.").doesNotContain("<html");
		int timeline = body.indexOf("id=\"deployment-timeline\"");
		assertThat(timeline).as("the timeline, out of band").isPositive();
		String swapped = body.substring(body.lastIndexOf("<section", timeline));
		assertThat(swapped).contains("hx-swap-oob=\"true\"", "Started", "Succeeded");
	}

	@Test
	void markFailedIsNotAGreenSuccess() throws Exception {
		Deployment deployment = running();
		String body = this.mvc
			.perform(post(path(deployment) + "/finish").session(as(DEVELOPER))
				.with(csrf())
				.header("HX-Request", "true")
				.param("outcome", "failed")
				.param("message", "Migrations broke"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher notice = Pattern.compile("<div class=\"([^\"]*)\"[^>]*id=\"action-notice\"").matcher(body);
		assertThat(notice.find()).as("the notice").isTrue();
		assertThat(notice.group(1)).contains("alert-warning").doesNotContain("alert-success");
		assertThat(body).contains("Marked failed.");

		Deployment other = running();
		this.mvc.perform(post(path(other) + "/finish").session(as(DEVELOPER)).with(csrf()).param("outcome", "failed"))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", "Marked failed."))
			.andExpect(flash().attribute("flashTone", "warning"));
	}

	@Test
	void anEmergencyIsNotShownAsBlockedByTheWindowItBypassed() throws Exception {
		this.clock.pin(FRIDAY);
		Deployment emergency = this.project.emergencyRelease("Checkout is down");
		assertThat(emergency.status()).isNotEqualTo(DeploymentStatus.WAITING_FOR_WINDOW);
		String page = this.mvc.perform(get(path(emergency)).session(as(LEAD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("Emergency deployment (break-glass)", "Window bypassed: No Friday deploys",
					"(emergency: windows do not apply)")
			.doesNotContain("Blocked by", "Opens:", "queues when the window is closed",
					"refused when the window is closed");
	}

	@Test
	void theApprovalsCountLeavesOutTheLeadsOwnRequest() throws Exception {
		int before = badge(LEAD);
		this.project.requestRelease(LEAD, "My own");
		assertThat(badge(LEAD)).as("the lead cannot decide his own request").isEqualTo(before);
		assertThat(badge(OWNER)).as("the owner can").isGreaterThan(0);
		this.project.requestRelease(DEVELOPER, "Another");
		assertThat(badge(LEAD)).isEqualTo(before + 1);
	}

	int badge(String email) throws Exception {
		String page = this.mvc.perform(get("/orgs/acme").session(as(email)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher count = Pattern.compile("id=\"approvals-badge\">(\\d+)<").matcher(page);
		return count.find() ? Integer.parseInt(count.group(1)) : 0;
	}

	@Test
	void anIdenticalPendingRequestIsPointedOutBeforeASecondIsMade() throws Exception {
		Deployment first = this.project.requestRelease(DEVELOPER, "The sale");
		String form = "/orgs/acme/projects/" + this.project.slug() + "/environments/production/deployments/new";
		for (boolean htmx : new boolean[] { false, true }) {
			var request = post(form).session(as(DEVELOPER))
				.with(csrf())
				.param("artifact", "1.1.0")
				.param("configRevision", "2")
				.param("schedule", "now")
				.param("whenBlocked", "queue");
			if (htmx) {
				request.header("HX-Request", "true");
			}
			String body = this.mvc.perform(request)
				.andExpect(status().isConflict())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).contains("id=\"duplicate-warning\"", "An identical request is already pending",
					"href=\"" + path(first) + "\"", "name=\"duplicate\" value=\"confirm\"", "Request again anyway");
		}
		this.mvc
			.perform(post(form).session(as(DEVELOPER))
				.with(csrf())
				.param("artifact", "1.1.0")
				.param("configRevision", "2")
				.param("schedule", "now")
				.param("whenBlocked", "queue")
				.param("duplicate", "confirm"))
			.andExpect(status().isFound());
	}

	@Test
	void theDeploymentPagePollsForItsStatusAndGetsTheCardOnlyOnceItMovedOn() throws Exception {
		Deployment request = this.project.requestRelease(DEVELOPER, "Live");
		String page = this.mvc.perform(get(path(request)).session(as(DEVELOPER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher poll = Pattern.compile("id=\"deployment-live\"[^>]*hx-get=\"([^\"]+)\"").matcher(page);
		assertThat(poll.find()).as("the poller").isTrue();
		String live = poll.group(1).replace("&amp;", "&");
		assertThat(page).contains("hx-trigger=\"every 5s\"");
		// times on the environment's clock, UTC on hover
		assertThat(page).contains("title=\"Tue 24 Nov 2026, 10:00 UTC\">Tue 24 Nov 2026, 11:00 CET</time>");
		this.mvc.perform(get(live).session(as(DEVELOPER)).header("HX-Request", "true"))
			.andExpect(status().isNoContent());
		this.decide.decide(this.project.caller(LEAD), this.project.slug(), "production", request.id(),
				new DecideOnDeployment.Input("approve", null));
		String moved = this.mvc.perform(get(live).session(as(DEVELOPER)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(moved)
			.contains("id=\"deployment-card\"", "status-scheduled", "id=\"deployment-timeline\"",
					"hx-swap-oob=\"true\"", "Approved")
			.doesNotContain("<html");
		this.mvc.perform(get(live).session(as(DEVELOPER))).andExpect(status().isFound());
		// a finished deployment stops asking
		this.scheduler.runOnce();
		this.project.report(this.project.owner(), "production", request, "succeeded", null);
		assertThat(this.mvc.perform(get(path(request)).session(as(DEVELOPER)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("id=\"deployment-live\"");
	}

	@Test
	void theApprovalsCountIsItsOwnRouteForTheNavigationToPoll() throws Exception {
		int count = badge(LEAD);
		String slot = this.mvc.perform(get("/orgs/acme/approvals/badge").session(as(LEAD)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(slot).startsWith("<span id=\"approvals-badge-slot\"")
			.contains("hx-get=\"/orgs/acme/approvals/badge\"", "hx-trigger=\"every 30s\"")
			.doesNotContain("<html");
		if (count > 0) {
			assertThat(slot).contains("id=\"approvals-badge\">" + count + "<");
		}
		String viewer = this.mvc
			.perform(get("/orgs/acme/approvals/badge").session(as(ProjectTestSupport.VIEWER))
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(viewer).doesNotContain("approvals-badge\"", "hx-get");
	}

	@Test
	void theEnvironmentsDeploymentsCardPollsAndComesBackOnlyWhenADeploymentMovedOn() throws Exception {
		String environment = "/orgs/acme/projects/" + this.project.slug() + "/environments/production";
		String page = this.mvc.perform(get(environment).session(as(DEVELOPER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher poll = Pattern.compile("id=\"deployments-live\"[^>]*hx-get=\"([^\"]+)\"").matcher(page);
		assertThat(poll.find()).as("the poller").isTrue();
		String live = poll.group(1).replace("&amp;", "&");
		this.mvc.perform(get(live).session(as(DEVELOPER)).header("HX-Request", "true"))
			.andExpect(status().isNoContent());
		Deployment request = this.project.requestRelease(DEVELOPER, "Seen live");
		String card = this.mvc.perform(get(live).session(as(DEVELOPER)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(card).startsWith("<section class=\"card deployments-card\" id=\"deployments\"")
			.contains("id=\"deployments-in-flight\"", request.id().toString(), "id=\"deployments-live\"")
			.doesNotContain("<html");
		this.mvc.perform(get(live).session(as(DEVELOPER))).andExpect(status().isFound());
	}

	@Test
	void theDashboardGridPollsAndComesBackWhenALiveVersionChanged() throws Exception {
		String page = ProjectTestSupport.boardPageWith(this.mvc, as(DEVELOPER), "acme", this.project.slug());
		Matcher poll = Pattern.compile("id=\"environment-grid-live\"[^>]*hx-get=\"([^\"]+)\"").matcher(page);
		assertThat(poll.find()).as("the poller").isTrue();
		String live = poll.group(1).replace("&amp;", "&");
		this.mvc.perform(get(live).session(as(DEVELOPER)).header("HX-Request", "true"))
			.andExpect(status().isNoContent());
		Deployment deployment = running();
		this.project.report(this.project.owner(), "production", deployment, "succeeded", null);
		String grid = this.mvc.perform(get(live).session(as(DEVELOPER)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(grid).startsWith("<div class=\"card env-grid\" id=\"environment-grid\"")
			.contains("data-project=\"" + this.project.slug() + "\"", "data-live-version=\"1.1.0\"")
			.doesNotContain("<html");
		this.mvc.perform(get(live).session(as(DEVELOPER))).andExpect(status().isFound());
	}

}
