package app.lockstep.web.deploy;

import java.time.Duration;

import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static app.lockstep.web.project.ProjectTestSupport.AUDITOR;
import static app.lockstep.web.project.ProjectTestSupport.LEAD;
import static app.lockstep.web.project.ProjectTestSupport.OWNER;
import static app.lockstep.web.project.ProjectTestSupport.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The emergency review queue at {@code /orgs/acme/reviews}, and the dashboard: what is
 * live in each environment, and the warning for emergencies unreviewed for more than 48
 * hours.
 */
@LockstepTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewQueueTest extends ScenarioTestBase {

	static final String REVIEWS = "/orgs/acme/reviews";

	@Autowired
	ViewDeployments view;

	DeploymentScenario project;

	@BeforeAll
	void aProjectWithSomethingLive() throws Exception {
		this.clock.pin(DeploymentScenario.TUESDAY);
		this.project = scenario().liveRelease("rq");
		this.clock.release();
	}

	@BeforeEach
	void tuesdayMorning() {
		this.clock.pin(DeploymentScenario.TUESDAY);
	}

	String reviewUrl(Deployment deployment) {
		return REVIEWS + "/" + this.project.slug() + "/production/" + deployment.id();
	}

	static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, boolean htmx) {
		return htmx ? request.header("HX-Request", "true") : request;
	}

	static String card(String html, Deployment deployment) {
		int start = html.indexOf("id=\"emergency-" + deployment.id() + "\"");
		assertThat(start).as("the card of " + deployment.id()).isGreaterThan(0);
		return html.substring(start, html.indexOf("</article>", start));
	}

	String page(String email) throws Exception {
		return this.mvc.perform(get(REVIEWS).session(as(email)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void aLeadReviewsTheOwnersEmergencyAndItLeavesTheQueue(boolean htmx) throws Exception {
		Deployment emergency = this.project.emergencyRelease("Checkout is down");
		String card = card(page(LEAD), emergency);
		assertThat(card)
			.contains("Emergency", this.project.slug() + "/environments/production\">production</a>", "1.1.0",
					"Checkout is down", "Olivia Owner", "Tue 24 Nov 2026, 11:00 CET", "(just now)",
					"data-overdue=\"false\"", "name=\"comment\"", "Mark reviewed", "data-swap-errors")
			.doesNotContain("Overdue</span>");
		// The owner who broke the glass gets no form, and a refusal when posting anyway.
		assertThat(card(page(OWNER), emergency)).contains("You broke the glass on this deployment")
			.doesNotContain("name=\"comment\"");
		String refused = this.mvc
			.perform(
					htmx(post(reviewUrl(emergency)).session(as(OWNER)).with(csrf()).param("comment", "All fine"), htmx))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(card(refused, emergency))
			.contains("You broke the glass on this deployment; another lead, admin or owner has to review it.");
		// A review needs a comment.
		String empty = this.mvc
			.perform(htmx(post(reviewUrl(emergency)).session(as(LEAD)).with(csrf()).param("comment", ""), htmx))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(card(empty, emergency)).contains("is-invalid",
				"Write what you checked: was the emergency real, and what follows from it?");
		assertThat(empty.contains("<html")).isEqualTo(!htmx);
		var reviewed = this.mvc.perform(htmx(post(reviewUrl(emergency)).session(as(LEAD))
			.with(csrf())
			.param("comment", "Real outage; follow-up ticket filed"), htmx));
		if (htmx) {
			reviewed.andExpect(status().isOk())
				.andExpect(content().string(startsWith("<article class=\"card review-card mb-3 queue-reviewed\"")))
				.andExpect(
						content().string(allOf(containsString("Reviewed — the emergency deployment leaves the queue."),
								containsString("Leo Lead"), containsString("Real outage; follow-up ticket filed"),
								containsString("<div id=\"overdue-summary\" hx-swap-oob=\"true\">"),
								not(containsString("name=\"comment\"")), not(containsString("<html")))));
		}
		else {
			reviewed.andExpect(status().isFound())
				.andExpect(redirectedUrl(REVIEWS))
				.andExpect(flash().attribute("flash", "Reviewed — the emergency deployment leaves the queue."));
		}
		assertThat(page(LEAD)).doesNotContain("id=\"emergency-" + emergency.id() + "\"");
	}

	@Test
	void viewersAndAuditorsMayLookButNotReview() throws Exception {
		Deployment emergency = this.project.emergencyRelease("Payment provider change");
		assertThat(card(page(VIEWER), emergency)).contains("Leads, admins and owners review emergencies.")
			.doesNotContain("name=\"comment\"");
		this.mvc.perform(post(reviewUrl(emergency)).session(as(AUDITOR)).with(csrf()).param("comment", "Looks fine"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(REVIEWS).session(as(LEAD)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(startsWith("<div id=\"review-queue\">")))
			.andExpect(content().string(
					allOf(containsString("id=\"emergency-" + emergency.id() + "\""), not(containsString("<html")))));
	}

	@Test
	void theDashboardShowsWhatIsLiveAndWarnsAboutOverdueReviews() throws Exception {
		// A project of its own, so that no other emergency of this class runs before this
		// one.
		DeploymentScenario dash = scenario().liveRelease("dash");
		String slug = dash.slug();
		String row = row(dashboard(VIEWER, slug), slug);
		assertThat(row).contains("data-live-version=\"1.0.0\"", "· config r1", "Nothing deployed yet");
		// The live version moves when a deployment succeeds.
		Deployment emergency = dash.emergencyRelease("Hotfix for the sale");
		dash.startEverythingDue();
		dash.report(dash.owner(), "production", emergency, "succeeded", null);
		assertThat(row(dashboard(VIEWER, slug), slug)).contains("data-live-version=\"1.1.0\"", "· config r2",
				"Emergency");
		// Within 48 hours, the emergency is not flagged; after, the dashboard warns.
		assertThat(card(page(LEAD), emergency)).contains("data-overdue=\"false\"");
		this.clock.advance(Duration.ofHours(49));
		this.mvc.perform(get("/orgs/acme").session(as(VIEWER)))
			.andExpect(content().string(allOf(containsString("id=\"overdue-reviews\""),
					matchesPattern("(?s).*\\d+ emergency deployments? unreviewed for more than 48 hours</strong>.*"),
					containsString("href=\"/orgs/acme/reviews\">review them</a>"))));
		assertThat(card(page(LEAD), emergency)).contains("data-overdue=\"true\"", "Overdue</span>", "2 days");
	}

	/** The dashboard's page that shows this project. */
	String dashboard(String email, String slug) throws Exception {
		return app.lockstep.web.project.ProjectTestSupport.boardPageWith(this.mvc, as(email), "acme", slug);
	}

	static String row(String html, String slug) {
		int start = html.indexOf("data-project=\"" + slug + "\"");
		assertThat(start).isGreaterThan(0);
		return html.substring(start, html.indexOf("</tr>", start));
	}

}
