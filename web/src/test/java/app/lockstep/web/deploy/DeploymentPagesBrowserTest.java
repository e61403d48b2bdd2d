package app.lockstep.web.deploy;

import java.time.Instant;
import java.util.List;

import app.lockstep.domain.code.IngestCodeChanges;
import app.lockstep.domain.code.RegisterArtifact;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.ReportDeploymentStatus;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.config.ConfigFixtures;
import app.lockstep.web.project.ProjectTestSupport;
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
import static app.lockstep.web.project.ProjectTestSupport.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a lead opens a production request from the environment page, sees
 * what it would change and approves it with one click (htmx swaps the card, CSRF header
 * included); the request form and the settings render. Screenshots go to
 * target/screenshots.
 */
@LockstepTest
class DeploymentPagesBrowserTest extends BrowserJourney {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	IngestCodeChanges ingest;

	@Autowired
	RegisterArtifact registerArtifact;

	@Autowired
	SaveConfigRevision saveConfig;

	@Autowired
	RequestDeployment requestDeployment;

	@Autowired
	DecideOnDeployment decide;

	@Autowired
	ReportDeploymentStatus report;

	@Autowired
	DeploymentScheduler scheduler;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	@AfterEach
	void releaseTheClock() {
		this.clock.release();
	}

	@Test
	void aLeadApprovesARequestFromTheEnvironmentPage() throws Exception {
		this.clock.pin(Instant.parse("2026-11-24T10:00:00Z"));
		String project = ProjectTestSupport.projectWithEnvironments(this.mvc, "dpl-browser");
		Caller owner = caller(OWNER);
		String c1 = DeploymentPagesTest.sha();
		String c2 = DeploymentPagesTest.sha();
		String c3 = DeploymentPagesTest.sha();
		this.ingest.ingest(owner, project,
				List.of(DeploymentPagesTest.commit(c1, "Initial checkout", "2026-11-20T10:00:00Z"),
						DeploymentPagesTest.commit(c2, "Fix the basket total", "2026-11-21T10:00:00Z"),
						DeploymentPagesTest.commit(c3, "Faster search", "2026-11-22T10:00:00Z")));
		this.registerArtifact.register(owner, project,
				new RegisterArtifact.Input("1.0.0", c1, "sha256:" + "a".repeat(64)));
		this.registerArtifact.register(owner, project,
				new RegisterArtifact.Input("1.1.0", c3, "sha256:" + "b".repeat(64)));
		this.saveConfig.save(owner, new SaveConfigRevision.Command(project, "production", null, ConfigFixtures.SPEC,
				List.of(new VariableInput("LOG_LEVEL", "info", false, Visibility.BOTH)), "First"));
		this.saveConfig.save(owner,
				new SaveConfigRevision.Command(project, "production", 1, ConfigFixtures.SPEC.replace("8.3", "8.4"),
						List.of(new VariableInput("LOG_LEVEL", "debug", false, Visibility.BOTH)), "PHP 8.4"));
		Deployment first = this.requestDeployment.request(caller(DEVELOPER), project, "production",
				new RequestDeployment.Input("1.0.0", 1, null, "queue", "First release", false, null));
		this.decide.decide(caller(LEAD), project, "production", first.id(),
				new DecideOnDeployment.Input("approve", "Go"));
		this.scheduler.runOnce();
		this.report.report(owner, project, "production", first.id(),
				new ReportDeploymentStatus.Input("succeeded", "Done", null));
		Deployment pending = this.requestDeployment.request(caller(DEVELOPER), project, "production",
				new RequestDeployment.Input("1.1.0", 2, null, "queue", "Faster search for the sale", false, null));

		String environment = "/orgs/acme/projects/" + project + "/environments/production";
		browser.login(LEAD, Demo.PASSWORD).open(environment).find("#deployments");
		browser.screenshotPage("deploy-environment-card");
		browser.click("#deployments-in-flight a").waitForText("What would change");
		browser.screenshotPage("deploy-deployment-awaiting");
		browser.type("#decide-comment", "Looks good")
			.click("#approve")
			.waitForText("Approved. The deployment is scheduled.");
		assertThat(browser.find("#approval-count").getText()).isEqualToIgnoringCase("1 of 1 required");
		browser.screenshotPage("deploy-deployment-approved");
		assertThat(browser.currentPath()).isEqualTo(environment + "/deployments/" + pending.id());

		browser.logout().login(OWNER, Demo.PASSWORD).open(environment + "/deployments/new").find("#request-form");
		browser.click("#schedule-at").click("#submit-request").waitForText("Choose the date and time");
		browser.screenshotPage("deploy-request-form-refused");
		browser.open(environment + "/deployment-settings").find("#policy-form");
		browser.screenshotPage("deploy-settings");
	}

	Caller caller(String email) {
		return ProjectTestSupport.caller(this.users, this.memberships, this.transactions, email, "acme");
	}

}
