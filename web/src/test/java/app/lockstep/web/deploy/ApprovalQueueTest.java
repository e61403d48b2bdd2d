package app.lockstep.web.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.domain.deploy.CancelDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentStatus;
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
import static app.lockstep.web.project.ProjectTestSupport.DEVELOPER;
import static app.lockstep.web.project.ProjectTestSupport.LEAD;
import static app.lockstep.web.project.ProjectTestSupport.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The approval queue at {@code /orgs/acme/approvals}: a developer's production request
 * listed with its commits and config change, the count in the navigation, a lead
 * approving with one click (with and without htmx), the developer refused, a rejection
 * without a comment refused beside the comment, and a decision on a cancelled request
 * answered with its status.
 */
@LockstepTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalQueueTest extends ScenarioTestBase {

	static final String QUEUE = "/orgs/acme/approvals";

	@Autowired
	ViewDeployments view;

	@Autowired
	CancelDeployment cancel;

	DeploymentScenario project;

	@BeforeAll
	void aProjectWithSomethingLive() throws Exception {
		this.clock.pin(DeploymentScenario.TUESDAY);
		this.project = scenario().liveRelease("aq");
		this.clock.release();
	}

	@BeforeEach
	void tuesdayMorning() {
		this.clock.pin(DeploymentScenario.TUESDAY);
	}

	String decideUrl(Deployment deployment) {
		return QUEUE + "/" + this.project.slug() + "/production/" + deployment.id();
	}

	static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, boolean htmx) {
		return htmx ? request.header("HX-Request", "true") : request;
	}

	/**
	 * The queue from this request on: the acme queue holds more than a page once many
	 * tests have left requests in it.
	 */
	static MockHttpServletRequestBuilder at(Deployment request) {
		return get(QUEUE).param("from", request.id().toString());
	}

	/** The HTML of one request's card on a page. */
	static String card(String html, Deployment deployment) {
		int start = html.indexOf("id=\"request-" + deployment.id() + "\"");
		assertThat(start).as("the card of " + deployment.id()).isGreaterThan(0);
		int end = html.indexOf("  </div>\n</details>", start);
		return html.substring(start, end);
	}

	@Test
	void theQueueShowsTheRequestWithItsCommitsAndConfigChange() throws Exception {
		Deployment request = this.project.requestRelease(DEVELOPER, "Ships the new checkout");
		String html = this.mvc.perform(at(request).session(as(LEAD)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Approvals</h1>"), not(containsString("style=")))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String card = card(html, request);
		assertThat(card).contains(this.project.slug() + "/environments/production\">production</a>", "1.0.0", "→",
				"1.1.0", "Awaiting approval", "Dana Developer", "datetime=\"2026-11-24T10:00:00Z\"",
				"title=\"Tue 24 Nov 2026, 11:00 CET\"", "As soon as approved", "0 of 1", "from owners, admins or leads",
				"revision 2", "Ships the new checkout",
				// the newest ten commits, then a count of the rest
				"Commits <span class=\"badge text-bg-light\">12</span>", "Checkout step 12", "Checkout step 3",
				"and 2 more", "— Dana Developer",
				// the config change, its diff behind a disclosure
				"+1 ~0 -0 variables, php 8.2 → 8.3", "<details class=\"queue-diff\">", "Show the diff: revision 1 → 2",
				"diff-ADDED", "FEATURE_CHECKOUT",
				// one click to approve, a comment to reject
				"name=\"decision\" value=\"approve\"", "name=\"decision\" value=\"reject\"", "name=\"_csrf\"",
				"hx-post=\"" + decideUrl(request) + "\"", "hx-target=\"closest .queue-card\"", "data-swap-errors",
				"/orgs/acme/projects/" + this.project.slug() + "/environments/production/deployments/" + request.id());
		assertThat(card).doesNotContain("Checkout step 2<", "Checkout step 1<", "Longer body");
		// Oldest first: a later request comes after this one.
		this.clock.advance(java.time.Duration.ofMinutes(5));
		Deployment later = this.project.requestRelease(DEVELOPER, "Later");
		this.mvc.perform(at(request).session(as(VIEWER)))
			.andExpect(content().string(
					stringContainsInOrder("id=\"request-" + request.id() + "\"", "id=\"request-" + later.id() + "\"")));
	}

	@Test
	void eachRequestIsOneLineWithItsEssentialsAndIdenticalRequestsAreGrouped() throws Exception {
		Deployment first = this.project.requestRelease(DEVELOPER, "For the sale");
		Deployment second = this.project.requestRelease(DEVELOPER, "Again, for the sale");
		String html = this.mvc.perform(at(first).session(as(LEAD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String line = card(html, first);
		line = line.substring(0, line.indexOf("</summary>"));
		// what, where, schedule, window state now, commits, config change: in the line
		assertThat(line).contains("<summary class=\"queue-line\">", "production", "1.0.0", "1.1.0",
				"Dana Developer, just now", "When approved", "window-chip is-open", "Open until", "12 commits",
				"config +1 ~0 -0 variables, php 8.2 → 8.3", "Awaiting approval", "0 of 1");
		// collapsed until opened in place
		assertThat(html.substring(html.lastIndexOf("<details", html.indexOf("id=\"request-" + first.id() + "\"")),
				html.indexOf("id=\"request-" + first.id() + "\"")))
			.doesNotContain("open");
		// the same artifact, config revision and environment: one group
		// (the queue holds other tests' requests too: find this project's group)
		int firstAt = html.indexOf("id=\"request-" + first.id() + "\"");
		int secondAt = html.indexOf("id=\"request-" + second.id() + "\"");
		int group = html.lastIndexOf("class=\"queue-group mb-3\"", firstAt);
		assertThat(group).isPositive();
		// (the project is shared by the class's tests: earlier requests may be in the
		// group)
		assertThat(html.substring(group, firstAt)).contains("identical requests", "1.1.0 to production",
				"config revision 2");
		assertThat(html.lastIndexOf("class=\"queue-group mb-3\"", secondAt)).isEqualTo(group);
		// each request once
		assertThat(html.split("id=\"request-" + first.id() + "\"", -1)).hasSize(2);
	}

	@Test
	void withHtmxOnlyTheListIsAnswered() throws Exception {
		Deployment request = this.project.requestRelease(DEVELOPER, null);
		this.mvc.perform(at(request).session(as(LEAD)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(startsWith("<div id=\"approval-queue\">")))
			.andExpect(content().string(allOf(containsString("id=\"request-" + request.id() + "\""),
					not(containsString("<html")), not(containsString("<nav")))));
	}

	@Test
	void theNavigationCountsRequestsAwaitingApprovalForApprovers() throws Exception {
		this.project.requestRelease(DEVELOPER, null);
		int count = this.view.awaitingDecisionCount(this.project.caller(LEAD));
		assertThat(count).isPositive();
		this.mvc.perform(get("/orgs/acme").session(as(LEAD)))
			.andExpect(content().string(allOf(containsString("id=\"nav-approvals\""),
					containsString("id=\"approvals-badge\">" + count + "</span>"),
					containsString("requests awaiting approval"), containsString("id=\"nav-reviews\""))));
		// A developer and an auditor see the queue's link, but no count and no review
		// queue.
		for (String email : new String[] { DEVELOPER, AUDITOR }) {
			this.mvc.perform(get("/orgs/acme").session(as(email)))
				.andExpect(content().string(allOf(containsString("id=\"nav-approvals\""),
						not(containsString("id=\"approvals-badge\"")), not(containsString("id=\"nav-reviews\"")))));
		}
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void aLeadApprovesWithOneClick(boolean htmx) throws Exception {
		Deployment request = this.project.requestRelease(DEVELOPER, null);
		var result = this.mvc.perform(htmx(post(decideUrl(request)).session(as(LEAD))
			.with(csrf())
			.param("decision", "approve")
			.param("comment", ""), htmx));
		String message = "Approved — scheduled for Tue 24 Nov 2026, 11:00 CET.";
		if (htmx) {
			int count = this.view.awaitingDecisionCount(this.project.caller(LEAD));
			String body = result.andExpect(status().isOk())
				.andExpect(content().string(startsWith("<details class=\"card queue-card mb-2\"")))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body)
				.contains("id=\"request-" + request.id() + "\"", message, "Scheduled", "1 of 1", "Leo Lead",
						"You have decided on this request.", "hx-swap-oob=\"true\"")
				.doesNotContain("<html", "name=\"decision\"");
			assertThat(body).contains((count > 0) ? "id=\"approvals-badge\">" + count + "<" : "approvals-badge-slot");
		}
		else {
			result.andExpect(status().isFound())
				.andExpect(redirectedUrl(QUEUE))
				.andExpect(flash().attribute("flash", message));
			this.mvc.perform(at(request).session(as(LEAD)))
				.andExpect(content().string(not(containsString("id=\"request-" + request.id() + "\""))));
		}
		assertThat(this.view.deployment(this.project.caller(LEAD), this.project.slug(), "production", request.id())
			.deployment()
			.status()).isEqualTo(DeploymentStatus.SCHEDULED);
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void theDeveloperWhoAskedCannotApprove(boolean htmx) throws Exception {
		Deployment request = this.project.requestRelease(DEVELOPER, null);
		String page = this.mvc.perform(at(request).session(as(DEVELOPER)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(card(page, request)).contains("Approved by owners, admins or leads. Your role here is Developer.")
			.doesNotContain("name=\"decision\"");
		String body = this.mvc
			.perform(htmx(post(decideUrl(request)).session(as(DEVELOPER)).with(csrf()).param("decision", "approve"),
					htmx))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(card(body, request))
			.contains("Deployments to production are approved by owners, admins, leads; your role is Developer.");
		assertThat(body.contains("<html")).isEqualTo(!htmx);
		// Viewers and auditors never decide: DecideOnDeployment refuses them, the card
		// shows why.
		for (String email : new String[] { VIEWER, AUDITOR }) {
			this.mvc
				.perform(htmx(post(decideUrl(request)).session(as(email)).with(csrf()).param("decision", "approve"),
						htmx))
				.andExpect(status().isForbidden())
				.andExpect(content().string(containsString("which never decides on deployments")));
		}
		assertThat(this.view.deployment(this.project.caller(LEAD), this.project.slug(), "production", request.id())
			.deployment()
			.status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void rejectingNeedsACommentShownBesideIt(boolean htmx) throws Exception {
		Deployment request = this.project.requestRelease(DEVELOPER, null);
		String body = this.mvc
			.perform(htmx(post(decideUrl(request)).session(as(LEAD))
				.with(csrf())
				.param("decision", "reject")
				.param("comment", "  "), htmx))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String card = card(body, request);
		Matcher invalid = Pattern
			.compile("<textarea class=\"form-control form-control-sm is-invalid\" name=\"comment\"[^>]*id=\"comment-"
					+ request.id() + "\"[^>]*aria-invalid=\"true\"")
			.matcher(card);
		assertThat(invalid.find()).as(card).isTrue();
		assertThat(card).contains("id=\"comment-" + request.id()
				+ "-error\">Say why you reject it: the requester reads this comment.</div>");
		assertThat(body.contains("<html")).isEqualTo(!htmx);
		// With the reason, the request ends.
		var rejected = this.mvc.perform(htmx(post(decideUrl(request)).session(as(LEAD))
			.with(csrf())
			.param("decision", "reject")
			.param("comment", "Not during the sale"), htmx));
		if (htmx) {
			rejected.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Rejected — Dana Developer can read your comment."),
						containsString("Rejected</span>"), not(containsString("name=\"decision\"")))));
		}
		else {
			rejected.andExpect(status().isFound())
				.andExpect(flash().attribute("flash", "Rejected — Dana Developer can read your comment."));
		}
		assertThat(this.view.deployment(this.project.caller(LEAD), this.project.slug(), "production", request.id())
			.deployment()
			.status()).isEqualTo(DeploymentStatus.REJECTED);
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void approvingACancelledRequestSaysItIsCancelled(boolean htmx) throws Exception {
		Deployment request = this.project.requestRelease(DEVELOPER, null);
		this.cancel.cancel(this.project.caller(DEVELOPER), this.project.slug(), "production", request.id(),
				"Wrong build");
		String message = "This deployment is cancelled (cancelled), so it cannot approve it.";
		String body = this.mvc
			.perform(htmx(post(decideUrl(request)).session(as(LEAD)).with(csrf()).param("decision", "approve"), htmx))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		if (htmx) {
			assertThat(card(body, request)).contains(message, "Cancelled").doesNotContain("name=\"decision\"");
		}
		else {
			assertThat(body).contains("id=\"queue-problem\">" + message + "</div>")
				.doesNotContain("id=\"request-" + request.id() + "\"");
		}
	}

}
