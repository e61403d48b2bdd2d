package app.lockstep.web.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.access.Caller;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.Browser;
import app.lockstep.web.testing.Demo;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * "What changed between these two deployments" on staging of a project of its own: 2.0.0
 * with config revision 1, then 2.1.0 with revision 2 (two commits, php 8.2 → 8.3, one
 * variable changed and one added), then back to 2.0.0 keeping revision 2 (a rollback).
 */
@LockstepTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompareDeploymentsTest extends ScenarioTestBase {

	static final Instant TUESDAY = Instant.parse("2033-05-10T10:00:00Z");

	@LocalServerPort
	int port;

	SessionCache sessions;

	String project;

	String base;

	Deployment first;

	Deployment upgrade;

	Deployment rollback;

	Deployment production;

	String c1;

	String c2;

	String c3;

	@BeforeAll
	void threeDeploymentsOfStaging() throws Exception {
		this.sessions = new SessionCache(this.mvc);
		DeploymentScenario f = scenario().project("compare");
		Caller owner = f.caller(ProjectTestSupport.OWNER);
		Caller developer = f.caller(ProjectTestSupport.DEVELOPER);
		this.project = f.slug();
		this.base = "/orgs/acme/projects/" + this.project + "/environments/staging/deployments/compare";
		this.clock.pin(TUESDAY);
		try {
			this.c1 = DeploymentScenario.sha();
			this.c2 = DeploymentScenario.sha();
			this.c3 = DeploymentScenario.sha();
			f.push(developer, this.c1, "Checkout behind a flag", "2033-05-01T09:00:00Z");
			f.push(developer, this.c2, "Fix VAT rounding", "2033-05-02T09:00:00Z");
			f.push(developer, this.c3, "Adapt to the payment API", "2033-05-03T09:00:00Z");
			f.artifact(developer, "2.0.0", this.c1);
			f.artifact(developer, "2.1.0", this.c3);
			int rev1 = f.config(owner, "staging", null, DeploymentScenario.phpSpec("8.2"),
					List.of(DeploymentScenario.variable("MODE", "live")), "php 8.2");
			int rev2 = f.config(owner, "staging", rev1, DeploymentScenario.phpSpec("8.3"),
					List.of(DeploymentScenario.variable("MODE", "strict"), DeploymentScenario.variable("FLAG", "on")),
					"php 8.3");
			this.first = f.run(developer, "staging", f.request(developer, "staging", "2.0.0", rev1), "succeeded", "OK");
			this.clock.advance(Duration.ofMinutes(30));
			this.upgrade = f.run(developer, "staging", f.request(developer, "staging", "2.1.0", rev2), "succeeded",
					"OK");
			this.clock.advance(Duration.ofMinutes(30));
			this.rollback = f.run(developer, "staging", f.request(developer, "staging", "2.0.0", rev2), "succeeded",
					"OK");
			this.production = f.request(developer, "production", "2.0.0", null);
		}
		finally {
			this.clock.release();
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theCommitsAndTheConfigDiffOnOnePage(boolean htmx) throws Exception {
		String html = page(compare(this.first, this.upgrade), ProjectTestSupport.DEVELOPER, htmx);
		assertThat(html).contains("2 commits from 2.0.0 to 2.1.0, newest first", "Adapt to the payment API",
				"Fix VAT rounding", this.c3.substring(0, 7), this.c2.substring(0, 7));
		assertThat(html).doesNotContain("Checkout behind a flag");
		assertThat(html.indexOf("Adapt to the payment API")).isLessThan(html.indexOf("Fix VAT rounding"));
		assertThat(html).contains("Revision 1 → 2: +1 ~1 -0 variables, php 8.2 → 8.3");
		assertThat(html).contains("diff-REMOVED", "php:8.2", "diff-ADDED", "php:8.3", "<code>FLAG</code>",
				"<code>live</code>", "<code>strict</code>");
		if (htmx) {
			assertThat(html).contains("id=\"compare\"").doesNotContain("<html", "<nav class=\"navbar");
		}
		else {
			assertThat(html).contains("<html", "What changed between two deployments");
		}
	}

	@Test
	void goingBackToAnOlderArtifactIsARollback() throws Exception {
		String html = page(compare(this.upgrade, this.rollback), ProjectTestSupport.VIEWER, false);
		assertThat(html).contains("Rollback: to is older. Going from 2.1.0 to 2.0.0 takes away 2 commits:",
				"Adapt to the payment API", "Fix VAT rounding");
		assertThat(html).contains("Both deployed config revision 2: the config did not change.");
	}

	@Test
	void theSameArtifactChangesNoCode() throws Exception {
		String html = page(compare(this.first, this.rollback), ProjectTestSupport.AUDITOR, false);
		assertThat(html).contains("Same artifact commit: no code changed.", "Revision 1 → 2");
		assertThat(html).doesNotContain("id=\"compare-commits\"");
	}

	@Test
	void withoutAChoiceItComparesTheTwoNewestAndListsEveryDeployment() throws Exception {
		String html = page(this.base, ProjectTestSupport.DEVELOPER, false);
		assertThat(html).contains("Rollback: to is older");
		assertThat(html).contains("2.1.0 · rev 2 · 2033-05-10 12:30 · Succeeded",
				"2.0.0 · rev 1 · 2033-05-10 12:00 · Succeeded", "2.0.0 · rev 2 · 2033-05-10 13:00 · Succeeded");
		assertThat(html).containsPattern("<option value=\"" + this.upgrade.id() + "\"\\s+selected=\"selected\"")
			.containsPattern("<option value=\"" + this.rollback.id() + "\"\\s+selected=\"selected\"");
		assertThat(html).doesNotContain(this.production.id().toString());
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void deploymentsOfAnotherEnvironmentOrUnknownAre404(boolean htmx) throws Exception {
		assertThat(status(compare(this.first, this.production), htmx)).isEqualTo(404);
		assertThat(status(this.base + "?from=" + UUID.randomUUID() + "&to=" + this.first.id(), htmx)).isEqualTo(404);
		assertThat(status(this.base + "?from=not-an-id&to=" + this.first.id(), htmx)).isEqualTo(404);
		assertThat(status("/orgs/acme/projects/" + this.project + "/environments/nowhere/deployments/compare", htmx))
			.isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theSameDeploymentTwiceIs422BesideThePicker(boolean htmx) throws Exception {
		MvcResult result = perform(compare(this.first, this.first), ProjectTestSupport.DEVELOPER, htmx);
		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		assertThat(result.getResponse().getContentAsString()).contains("id=\"compare-to-error\"",
				"Pick two different deployments to compare.");
		MvcResult half = perform(this.base + "?from=" + this.first.id(), ProjectTestSupport.DEVELOPER, htmx);
		assertThat(half.getResponse().getStatus()).isEqualTo(422);
		assertThat(half.getResponse().getContentAsString()).contains("id=\"compare-to-error\"",
				"Pick the deployment to compare with.");
	}

	@Test
	void aScreenshotOfTheComparison() {
		try (Browser browser = new Browser(this.port)) {
			browser.login(ProjectTestSupport.DEVELOPER, Demo.PASSWORD)
				.open(compare(this.first, this.upgrade))
				.waitForText("2 commits from 2.0.0 to 2.1.0");
			browser.screenshotPage("compare-deployments");
			browser.select("#compare-to", this.rollback.id().toString())
				.click(".compare-form button[type=submit]")
				.waitForText("Same artifact commit: no code changed.");
			assertThat(browser.currentPath()).contains("to=" + this.rollback.id());
			browser.screenshotPage("compare-deployments-same");
		}
	}

	@Test
	void nonMembersGet404() throws Exception {
		assertThat(perform(compare(this.first, this.upgrade), ProjectTestSupport.GLOBEX_OWNER, false).getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void theEnvironmentPageLinksHere() throws Exception {
		assertThat(
				page("/orgs/acme/projects/" + this.project + "/environments/staging", ProjectTestSupport.VIEWER, false))
			.contains("id=\"compare-deployments-link\"", "href=\"" + this.base + "\"");
	}

	private String compare(Deployment from, Deployment to) {
		return this.base + "?from=" + from.id() + "&to=" + to.id();
	}

	private String page(String path, String email, boolean htmx) throws Exception {
		MvcResult result = perform(path, email, htmx);
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private int status(String path, boolean htmx) throws Exception {
		return perform(path, ProjectTestSupport.DEVELOPER, htmx).getResponse().getStatus();
	}

	private MvcResult perform(String path, String email, boolean htmx) throws Exception {
		MockHttpServletRequestBuilder request = get(path).with(Demo.as(this.sessions, email));
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return this.mvc.perform(request).andReturn();
	}

}
