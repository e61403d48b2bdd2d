package app.lockstep.web.audit;

import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.ProjectInput;
import app.lockstep.domain.project.UpdateProject;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.web.testing.Browser;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner reads, filters, opens, verifies and signs the audit log in a real headless
 * Chromium (htmx, strict CSP).
 */
@LockstepTest
class AuditJourneyTest {

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	CreateProject createProject;

	@Autowired
	UpdateProject updateProject;

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@Test
	void anOwnerFiltersOpensVerifiesAndSignsTheLog() {
		AuditFixtures.Org org = AuditFixtures.newOrganization(this.signUp, "journey");
		AuditFixtures.projects(this.createProject, org, 52);
		this.updateProject.update(org.owner(), "p7", new ProjectInput("p7", "Project seven", null, null));
		browser = new Browser(this.port);
		browser.resize(1280, 900).login(org.email(), AuditFixtures.PASSWORD);
		String audit = "/orgs/" + org.slug() + "/audit";
		browser.open(audit);
		assertThat(browser.all("tr.audit-event")).hasSize(50);

		browser.click("#audit-more a");
		browser.waitForText("organization.created");
		assertThat(browser.all("tr.audit-event")).hasSize(55);

		browser.click("#verify-chain").waitForText("The chain is intact.");
		assertThat(browser.find("#verification").getText()).contains("55 events link from the genesis to the head");
		assertThat(browser.currentPath()).isEqualTo(audit);

		browser.type("#action", "project.updated").click(".audit-filters button[type=submit]");
		// The unfiltered page already shows event 55: wait for the filtered page before
		// counting.
		browser.waitForUrlContaining("action=project.updated");
		browser.find("tr.audit-event[data-seq='55']");
		assertThat(browser.all("tr.audit-event")).hasSize(1);
		assertThat(browser.currentPath()).contains("action=project.updated");
		browser.click("tr.audit-event[data-seq='55'] summary");
		assertThat(browser.find("tr.audit-event[data-seq='55'] .audit-before").getText()).isEqualTo("Project 7");
		assertThat(browser.find("tr.audit-event[data-seq='55'] .audit-after").getText()).isEqualTo("Project seven");
		browser.screenshot("audit-filtered");

		browser.click("#sign-checkpoint").waitForText("Signed the head of the chain: event 55.");
		assertThat(browser.find("#checkpoint-table").getText()).contains("Audit Fixture");
		((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo({top: 0, behavior: 'instant'})");
		browser.screenshot("audit-signed");
	}

}
