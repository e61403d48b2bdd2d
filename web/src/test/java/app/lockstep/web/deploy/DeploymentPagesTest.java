package app.lockstep.web.deploy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.domain.access.Caller;
import app.lockstep.web.config.ConfigFixtures;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static app.lockstep.web.project.ProjectTestSupport.AUDITOR;
import static app.lockstep.web.project.ProjectTestSupport.DEVELOPER;
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
 * The deployment pages: the deployments card of the environment page, the request form
 * (success, refusals beside the field, a closed window), one deployment (what it would
 * change, approve, reject, self-approval, cancel, a 409 after cancel, voided approvals
 * after a change) and the settings forms, each with and without htmx where it swaps.
 */
@LockstepTest
class DeploymentPagesTest extends ScenarioTestBase {

	/** Tuesday 24 November 2026, 11:00 in Paris: production's windows are open. */
	static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");

	/** Friday 27 November 2026, 11:00 in Paris: "No Friday deploys". */
	static final Instant FRIDAY = Instant.parse("2026-11-27T10:00:00Z");

	DeploymentScenario scenario;

	String project;

	String c1;

	String c2;

	String c3;

	Deployment live;

	@BeforeEach
	void aProductionWith100LiveAndTwoCommitsAndARevisionSinceThen() {
		this.clock.pin(TUESDAY);
		this.scenario = scenario().project("dpl");
		this.project = this.scenario.slug();
		this.c1 = DeploymentScenario.sha();
		this.c2 = DeploymentScenario.sha();
		this.c3 = DeploymentScenario.sha();
		this.live = liveWithTwoCommitsAndARevisionSince(this.scenario, this.c1, this.c2, this.c3);
		assertThat(this.live.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
	}

	/**
	 * On production: 1.0.0 (commit c1) with revision 1 live, requested by the developer
	 * and approved by the lead; since then commits c2 and c3, 1.1.0 built from c3, and
	 * revision 2 (php 8.4, another log level).
	 */
	static Deployment liveWithTwoCommitsAndARevisionSince(DeploymentScenario scenario, String c1, String c2,
			String c3) {
		Caller owner = scenario.owner();
		scenario
			.commits(List.of(DeploymentScenario.commit(c1, "Initial checkout", "2026-11-20T10:00:00Z"),
					DeploymentScenario.commit(c2, "Fix the basket total\n\nRounding was off.", "2026-11-21T10:00:00Z"),
					DeploymentScenario.commit(c3, "Faster search", "2026-11-22T10:00:00Z")))
			.artifact(owner, "1.0.0", c1, "sha256:" + "a".repeat(64))
			.artifact(owner, "1.1.0", c3, "sha256:" + "b".repeat(64));
		scenario.config("production", null, ConfigFixtures.SPEC,
				List.of(new VariableInput("LOG_LEVEL", "info", false, Visibility.BOTH)), "First");
		scenario.config("production", 1, ConfigFixtures.SPEC.replace("8.3", "8.4"),
				List.of(new VariableInput("LOG_LEVEL", "debug", false, Visibility.BOTH)), "PHP 8.4");
		Deployment requested = scenario.request(scenario.caller(DEVELOPER), "production",
				new RequestDeployment.Input("1.0.0", 1, null, "reject", "First release", false, null));
		scenario.approve(scenario.caller(LEAD), "production", requested, "Go");
		scenario.startEverythingDue();
		return scenario.report(owner, "production", requested, "succeeded", "Done");
	}

	// The environment page

	@Test
	void theEnvironmentPageShowsWhatIsLiveAndWhatIsInFlight() throws Exception {
		String pending = requestAs(DEVELOPER, "1.1.0", 2);
		this.mvc.perform(get(environment()).session(as(DEVELOPER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"live-deployment\""), containsString("1.0.0"),
					containsString(" · config rev 1"),
					containsString("href=\"" + deployment(this.live.id().toString())),
					containsString("id=\"deployments-in-flight\""), containsString("href=\"" + deployment(pending)),
					containsString("status-awaiting_approval"), containsString("id=\"request-deployment\""),
					containsString("href=\"" + environment() + "/deployment-settings\""),
					not(containsString("Nothing deployed yet")), not(containsString("style=")))));
	}

	// The request form

	@Test
	void theRequestFormDefaultsToTheLiveArtifactAndTheLatestRevision() throws Exception {
		this.mvc.perform(get(environment() + "/deployments/new").session(as(DEVELOPER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"request-form\""),
					containsString("Keep the live artifact (1.0.0): config only"),
					matchesPattern("(?s).*id=\"configRevision\"[^>]*value=\"2\".*"),
					containsString("<option value=\"1.0.0\" selected=\"selected\">"),
					matchesPattern("(?s).*id=\"whenBlocked-queue\" value=\"queue\" checked=\"checked\".*"),
					not(containsString("id=\"emergency\"")), not(containsString("style=")))));
		this.mvc.perform(get(environment() + "/deployments/new").session(as(OWNER)))
			.andExpect(content().string(containsString("Emergency (break-glass)")));
		this.mvc.perform(get(environment() + "/deployments/new").session(as(VIEWER))).andExpect(status().isForbidden());
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void aRequestGoesToTheDeploymentPage(boolean htmx) throws Exception {
		MockHttpServletRequestBuilder request = htmx(htmx,
				post(environment() + "/deployments/new").session(as(DEVELOPER))
					.with(csrf())
					.param("artifact", "1.1.0")
					.param("configRevision", "2")
					.param("schedule", "now")
					.param("whenBlocked", "queue")
					.param("note", "Faster search"));
		MvcResult result = this.mvc.perform(request).andReturn();
		String location = htmx ? result.getResponse().getHeader("HX-Redirect")
				: result.getResponse().getRedirectedUrl();
		assertThat(result.getResponse().getStatus()).isEqualTo(htmx ? 200 : 302);
		assertThat(location).startsWith(environment() + "/deployments/");
		this.mvc.perform(get(location).session(as(DEVELOPER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Awaiting approval"), containsString("Faster search"),
					containsString("0 of 1 required"))));
	}

	@Test
	void aRefusedRequestKeepsTheInputAndShowsTheErrorBesideTheField() throws Exception {
		this.mvc
			.perform(post(environment() + "/deployments/new").session(as(DEVELOPER))
				.with(csrf())
				.param("artifact", "1.1.0")
				.param("configRevision", "99")
				.param("schedule", "now")
				.param("whenBlocked", "queue")
				.param("note", "Kept as typed"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Nothing was requested"),
					containsString("id=\"configRevision-error\""), containsString("has no config revision 99"),
					containsString("value=\"99\""), containsString("Kept as typed"),
					matchesPattern("(?s).*<option value=\"1.1.0\" selected=\"selected\">.*"))));
		this.mvc
			.perform(htmx(true,
					post(environment() + "/deployments/new").session(as(DEVELOPER))
						.with(csrf())
						.param("configRevision", "two")
						.param("schedule", "at")
						.param("scheduledAt", "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(startsWith("<section class=\"card form-card\" id=\"request-card\""),
					containsString("id=\"configRevision-error\""), containsString("id=\"scheduledAt-error\""),
					containsString("value=\"two\""), not(containsString("<html")))));
	}

	@Test
	void aClosedWindowWithRejectShowsTheRuleAndTheNextOpenTimeBesideTheChoiceNotOnTheEmptyTime() throws Exception {
		this.clock.pin(FRIDAY);
		this.mvc
			.perform(post(environment() + "/deployments/new").session(as(DEVELOPER))
				.with(csrf())
				.param("artifact", "1.1.0")
				.param("configRevision", "2")
				.param("schedule", "now")
				.param("whenBlocked", "reject"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"whenBlocked-error\""),
					containsString("The window is closed now: No Friday deploys."),
					containsString("It opens next Mon 30 Nov 2026, 00:00"),
					not(containsString("id=\"scheduledAt-error\"")), not(containsString("datetime-input is-invalid")),
					matchesPattern("(?s).*id=\"whenBlocked-reject\" value=\"reject\" checked=\"checked\".*"))));
	}

	@Test
	void aClosedWindowAtTheTimeAskedForIsSaidBesideThatTime() throws Exception {
		this.clock.pin(TUESDAY);
		this.mvc
			.perform(post(environment() + "/deployments/new").session(as(DEVELOPER))
				.with(csrf())
				.param("artifact", "1.1.0")
				.param("configRevision", "2")
				.param("schedule", "at")
				.param("scheduledAt", "2026-11-27T11:00")
				.param("whenBlocked", "reject"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"scheduledAt-error\""),
					containsString("The window is closed then: No Friday deploys."),
					not(containsString("id=\"whenBlocked-error\"")))));
	}

	// One deployment

	@Test
	void theDeploymentPageShowsTheCommitsAndTheConfigDiffSinceWhatIsLive() throws Exception {
		String id = requestAs(DEVELOPER, "1.1.0", 2);
		this.mvc.perform(get(deployment(id)).session(as(LEAD)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("What would change"),
					containsString(this.c3.substring(0, 7)), containsString("Faster search"),
					containsString(this.c2.substring(0, 7)), containsString("Fix the basket total"),
					not(containsString("Rounding was off")), not(containsString(">" + this.c1.substring(0, 7) + "<")),
					containsString("Revision 1 → 2: "), containsString("php:8.4"), containsString("LOG_LEVEL"),
					containsString("sha256:" + "b".repeat(64)), containsString("id=\"approve\""),
					containsString("id=\"deployment-timeline\""), containsString("Requested"),
					not(containsString("style=")))));
		// The first deployment had nothing live to compare with.
		this.mvc.perform(get(deployment(this.live.id().toString())).session(as(LEAD)))
			.andExpect(
					content().string(allOf(containsString("What it changed"), containsString("id=\"first-deployment\""),
							containsString("Succeeded"), containsString("Approved"), containsString("Comment: Go"))));
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void aLeadApprovesInOneClick(boolean htmx) throws Exception {
		String id = requestAs(DEVELOPER, "1.1.0", 2);
		var result = this.mvc.perform(htmx(htmx,
				post(deployment(id) + "/decision").session(as(LEAD)).with(csrf()).param("decision", "approve")));
		if (htmx) {
			result.andExpect(status().isOk())
				.andExpect(content().string(allOf(startsWith("<section class=\"card mb-4 deployment-card\""),
						containsString("Approved. The deployment is scheduled."), containsString("status-scheduled"),
						containsString("1 of 1 required"), not(containsString("<html")))));
		}
		else {
			result.andExpect(status().isFound())
				.andExpect(redirectedUrl(deployment(id)))
				.andExpect(flash().attribute("flash", "Approved. The deployment is scheduled."));
		}
		this.mvc.perform(get(deployment(id)).session(as(DEVELOPER)))
			.andExpect(content().string(allOf(containsString("status-scheduled"), containsString("1 of 1 required"),
					containsString("Lead"), not(containsString("id=\"approve\"")))));
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void selfApprovalIsRefusedWithTheReasonInTheForm(boolean htmx) throws Exception {
		String id = requestAs(LEAD, "1.1.0", 2);
		this.mvc.perform(get(deployment(id)).session(as(LEAD)))
			.andExpect(content()
				.string(allOf(containsString("id=\"self-approval-note\""), not(containsString("id=\"approve\"")))));
		this.mvc
			.perform(htmx(htmx,
					post(deployment(id) + "/decision").session(as(LEAD)).with(csrf()).param("decision", "approve")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(allOf(containsString("id=\"decide-error\""),
					containsString("does not allow approving your own request"))));
	}

	/**
	 * The use case refuses a role that never decides (no check of its own in the page):
	 * 403 with its reason in the decision form, and the request still waits.
	 */
	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void viewersAndAuditorsAreRefusedByTheUseCaseWithTheReasonInTheForm(boolean htmx) throws Exception {
		String id = requestAs(DEVELOPER, "1.1.0", 2);
		for (String email : new String[] { VIEWER, AUDITOR }) {
			String role = email.equals(VIEWER) ? "Viewer" : "Auditor";
			this.mvc.perform(htmx(htmx,
					post(deployment(id) + "/decision").session(as(email)).with(csrf()).param("decision", "approve")))
				.andExpect(status().isForbidden())
				.andExpect(content().string(allOf(containsString("id=\"decide-error\""),
						containsString("Your role here is " + role + ", which never decides on deployments."))));
		}
		this.mvc.perform(get(deployment(id)).session(as(LEAD)))
			.andExpect(content().string(containsString("status-awaiting_approval")));
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void aRejectionNeedsAComment(boolean htmx) throws Exception {
		String id = requestAs(DEVELOPER, "1.1.0", 2);
		this.mvc
			.perform(htmx(htmx,
					post(deployment(id) + "/decision").session(as(LEAD))
						.with(csrf())
						.param("decision", "reject")
						.param("comment", "  ")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(allOf(containsString("id=\"decide-comment-error\""), containsString("Say why you reject it"))));
		this.mvc
			.perform(post(deployment(id) + "/decision").session(as(LEAD))
				.with(csrf())
				.param("decision", "reject")
				.param("comment", "Not before the sale"))
			.andExpect(status().isFound());
		this.mvc.perform(get(deployment(id)).session(as(DEVELOPER)))
			.andExpect(
					content().string(allOf(containsString("status-rejected"), containsString("Not before the sale"))));
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void cancellingAndThenActingAgainIsA409WithTheMessageWhereTheUserClicked(boolean htmx) throws Exception {
		String id = requestAs(DEVELOPER, "1.1.0", 2);
		var cancelled = this.mvc.perform(htmx(htmx,
				post(deployment(id) + "/cancel").session(as(DEVELOPER)).with(csrf()).param("reason", "Wrong build")));
		if (htmx) {
			cancelled.andExpect(status().isOk())
				.andExpect(content()
					.string(allOf(containsString("status-cancelled"), containsString("Deployment cancelled."))));
		}
		else {
			cancelled.andExpect(status().isFound()).andExpect(flash().attribute("flash", containsString("cancelled")));
		}
		this.mvc.perform(htmx(htmx, post(deployment(id) + "/cancel").session(as(DEVELOPER)).with(csrf())))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("id=\"cancel-error\""),
					containsString("This deployment is cancelled (cancelled), so it cannot be cancelled."))));
		this.mvc
			.perform(htmx(htmx,
					post(deployment(id) + "/decision").session(as(LEAD)).with(csrf()).param("decision", "approve")))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("id=\"decide-error\"")));
	}

	@Test
	void aChangeVoidsTheApprovalsVisibly() throws Exception {
		String id = requestAs(DEVELOPER, "1.1.0", 2);
		this.mvc.perform(post(deployment(id) + "/decision").session(as(LEAD)).with(csrf()).param("decision", "approve"))
			.andExpect(status().isFound());
		this.mvc
			.perform(post(deployment(id) + "/change").session(as(DEVELOPER))
				.with(csrf())
				.param("artifact", "1.1.0")
				.param("configRevision", "1")
				.param("schedule", "now"))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", containsString("approvals given so far are void")));
		this.mvc.perform(get(deployment(id)).session(as(DEVELOPER)))
			.andExpect(content().string(allOf(containsString("status-awaiting_approval"), containsString("is-voided"),
					containsString("voided: the request changed"), containsString("0 of 1 required"),
					containsString("Changed the request"))));
		this.mvc
			.perform(htmx(true,
					post(deployment(id) + "/change").session(as(DEVELOPER))
						.with(csrf())
						.param("artifact", "1.1.0")
						.param("configRevision", "42")
						.param("schedule", "now")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(allOf(containsString("id=\"change-configRevision-error\""), containsString("value=\"42\""))));
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void theDeploymentPageAndItsCard(boolean htmx) throws Exception {
		String id = requestAs(DEVELOPER, "1.1.0", 2);
		this.mvc.perform(htmx(htmx, get(deployment(id)).session(as(VIEWER))))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(htmx ? startsWith("<section class=\"card mb-4 deployment-card\"") : containsString("<html")))
			.andExpect(content().string(allOf(containsString("Awaiting approval"),
					not(containsString("id=\"approve\"")), not(containsString("id=\"cancel-form\"")))));
		this.mvc.perform(get(environment() + "/deployments/" + UUID.randomUUID()).session(as(VIEWER)))
			.andExpect(status().isNotFound());
	}

	// Settings

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void theApprovalGateIsSavedOrRefusedBesideTheField(boolean htmx) throws Exception {
		var saved = this.mvc.perform(htmx(htmx,
				post(settings() + "/approval-policy").session(as(OWNER))
					.with(csrf())
					.param("requiredApprovals", "2")
					.param("approverRoles", "LEAD", "OWNER")
					.param("approvalValidHours", "24")
					.param("requiresSuccessIn", "staging")));
		if (htmx) {
			saved.andExpect(status().isOk())
				.andExpect(
						content().string(allOf(startsWith("<section class=\"card form-card\" id=\"approval-policy\""),
								containsString("Approval gate saved: 2 approvals, valid 24 hours."))));
		}
		else {
			saved.andExpect(status().isFound()).andExpect(redirectedUrl(settings()));
		}
		this.mvc.perform(get(settings()).session(as(OWNER)))
			.andExpect(content().string(allOf(matchesPattern("(?s).*id=\"requiredApprovals\"[^>]*value=\"2\".*"),
					matchesPattern("(?s).*id=\"approverRoles-LEAD\"[^>]*checked=\"checked\".*"),
					not(matchesPattern("(?s).*id=\"approverRoles-DEVELOPER\"[^>]*checked=\"checked\".*")),
					containsString("<option value=\"staging\" selected=\"selected\">staging</option>"),
					not(containsString("style=")))));
		this.mvc
			.perform(htmx(htmx,
					post(settings() + "/approval-policy").session(as(OWNER))
						.with(csrf())
						.param("requiredApprovals", "many")
						.param("approvalValidHours", "0")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Nothing was saved"),
					containsString("id=\"requiredApprovals-error\""), containsString("value=\"many\""))));
		this.mvc.perform(get(settings()).session(as(OWNER))).andExpect(content().string(containsString("value=\"2\"")));
	}

	@Test
	void theWebhookSecretIsNeverShown() throws Exception {
		String secret = "s3cret-" + UUID.randomUUID();
		this.mvc
			.perform(post(settings() + "/deploy-target").session(as(OWNER))
				.with(csrf())
				.param("type", "webhook")
				.param("url", "https://deployer.example.com/hook")
				.param("timeoutMinutes", "30"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"secret-error\""),
					containsString("value=\"https://deployer.example.com/hook\""))));
		this.mvc
			.perform(post(settings() + "/deploy-target").session(as(OWNER))
				.with(csrf())
				.param("type", "webhook")
				.param("url", "https://deployer.example.com/hook")
				.param("secret", secret)
				.param("timeoutMinutes", "30"))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", containsString("webhook to https://deployer.example.com/hook")));
		this.mvc.perform(get(settings()).session(as(OWNER)))
			.andExpect(content().string(allOf(containsString("id=\"secret-set\""), containsString("value=\"30\""),
					not(containsString(secret)))));
		this.mvc
			.perform(post(settings() + "/deploy-target").session(as(OWNER))
				.with(csrf())
				.param("type", "webhook")
				.param("url", "https://deployer.example.com/hook")
				.param("secret", "short")
				.param("timeoutMinutes", "30"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"secret-error\""), not(containsString("short\"")))));
	}

	@Test
	void viewersReadTheSettingsAndCannotChangeThem() throws Exception {
		this.mvc.perform(get(settings()).session(as(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("id=\"read-only-note\""), not(containsString("id=\"save-policy\"")),
						not(containsString("id=\"save-target\"")), containsString("Approval gate"))));
		this.mvc
			.perform(post(settings() + "/approval-policy").session(as(VIEWER))
				.with(csrf())
				.param("requiredApprovals", "0")
				.param("approvalValidHours", "1"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(settings() + "/deploy-target").session(as(DEVELOPER)).with(csrf()).param("type", "manual"))
			.andExpect(status().isForbidden());
	}

	// Helpers

	String requestAs(String email, String artifact, int revision) {
		return this.scenario
			.request(this.scenario.caller(email), "production",
					new RequestDeployment.Input(artifact, revision, null, "queue", null, false, null))
			.id()
			.toString();
	}

	String environment() {
		return "/orgs/acme/projects/" + this.project + "/environments/production";
	}

	String deployment(String id) {
		return environment() + "/deployments/" + id;
	}

	String settings() {
		return environment() + "/deployment-settings";
	}

	static MockHttpServletRequestBuilder htmx(boolean htmx, MockHttpServletRequestBuilder request) {
		return htmx ? request.header("HX-Request", "true") : request;
	}

}
