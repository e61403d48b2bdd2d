package app.lockstep.web.window;

import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.Demo;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * In a real browser: the owner sets the organization's approval gate for one chosen
 * project's production (a bad count is refused beside its field first) and sees it apply
 * on that environment's deployment settings, locked, with where it comes from.
 */
@LockstepTest
class OrganizationPoliciesJourneyTest extends BrowserJourney {

	@AfterEach
	void removeTheGate() throws Exception {
		this.mvc
			.perform(put("/api/v1/orgs/acme/policies/approval-gate").session(as(ProjectTestSupport.OWNER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"enabled\": false}"))
			.andExpect(status().isOk());
	}

	@Test
	void anOrganizationGateAppliesToTheChosenProjectsProduction() throws Exception {
		DeploymentScenario shop = scenario().project("org-policy-journey");

		browser.login(ProjectTestSupport.OWNER, Demo.PASSWORD).open("/orgs/acme/policies").find("#gate-form");
		browser.click("#gate-enabled")
			.type("#gate-requiredApprovals", "11")
			.click("#gate-project-" + shop.slug())
			.click("#save-gate")
			.waitForText("Nothing was saved");
		assertThat(browser.find("#requiredApprovals-error").getText()).contains("between 0 and 10");
		browser.type("#gate-requiredApprovals", "2")
			.click("#save-gate")
			.waitForText("Organization approval gate saved");
		assertThat(browser.find("#gate-line").getText()).contains("2 approvals for production in 1 chosen project");
		browser.screenshotPage("organization-policies");

		browser.open("/orgs/acme/projects/" + shop.slug() + "/environments/production/deployment-settings")
			.find("#gate-source");
		assertThat(browser.find("#gate-source").getText()).contains("the organization's gate for production")
			.contains("cannot override");
		assertThat(browser.find("#requiredApprovals").getAttribute("value")).isEqualTo("2");
		assertThat(browser.all("#save-policy")).isEmpty();
		browser.screenshotPage("organization-gate-on-environment");
	}

}
