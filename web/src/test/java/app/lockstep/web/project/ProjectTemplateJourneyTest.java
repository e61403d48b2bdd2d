package app.lockstep.web.project;

import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.Demo;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the owner saves a project as a template, creates a new project from
 * it on the new-project form and finds its environments made and the project in line with
 * its template.
 */
@LockstepTest
class ProjectTemplateJourneyTest extends BrowserJourney {

	@Test
	void aProjectIsCreatedFromATemplate() throws Exception {
		DeploymentScenario model = scenario().project("journey-model");
		String template = ProjectTestSupport.uniqueSlug("tpl");
		String created = ProjectTestSupport.uniqueSlug("from-tpl");

		browser.login(ProjectTestSupport.OWNER, Demo.PASSWORD).open("/orgs/acme/templates").find("#template-form");
		browser.select("#template-project", model.slug())
			.type("#template-name", "Journey " + template)
			.type("#template-slug", template)
			.click("#save-template-button")
			.waitForText("saved from " + model.slug());
		assertThat(browser.find("[data-template='" + template + "']").getText())
			.contains("development (development) → staging (staging) → production (production)");
		browser.screenshotPage("project-templates");

		browser.open("/orgs/acme/projects/new").find("#new-project-form");
		browser.type("#name", "From template")
			.type("#slug", created)
			.select("#template", template)
			.click("#new-project-form button[type=submit]")
			.waitForText("created from its template");
		assertThat(browser.find("#template-drift").getText()).contains("Journey " + template)
			.contains("In line with its template.");
		assertThat(browser.text()).contains("development").contains("staging").contains("production");
		browser.screenshotPage("project-from-template");
	}

}
