package app.lockstep.web.journeys;

import java.util.UUID;

import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The first minutes of a new team, and of a new member, in a real headless Chromium. */
@LockstepTest
class PeopleJourneysTest extends BrowserJourney {

	@Test
	void signUpCreateAProjectAddAnEnvironmentAndSeeThemOnTheDashboard() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		browser.open("/signup")
			.type("#email", "founder-" + id + "@example.test")
			.type("#name", "Fay Founder")
			.type("#password", "short")
			.type("#orgName", "Journey " + id)
			.type("#orgSlug", "journey-" + id)
			.click("#signup-form button[type=submit]");
		browser.find("#password-error");
		assertThat(browser.text()).contains("Use at least 10 characters.");
		assertThat(browser.find("#email").getAttribute("value")).isEqualTo("founder-" + id + "@example.test");
		browser.screenshot("signup-error");

		browser.type("#password", "a-much-longer-secret").click("#signup-form button[type=submit]");
		browser.waitForText("No projects yet");
		assertThat(browser.currentPath()).startsWith("/orgs/journey-" + id);
		browser.screenshot("empty-dashboard");

		browser.click("#new-project")
			.type("#name", "Storefront")
			.type("#slug", "storefront")
			.type("#repositoryUrl", "https://git.example.com/journey/storefront.git")
			.click("#new-project-form button[type=submit]");
		browser.waitForPath("/orgs/journey-" + id + "/projects/storefront");

		browser.type("#environment-name", "staging")
			.select("#environment-tier", "STAGING")
			.type("#environment-branchPattern", "main")
			.click("#add-environment-form button[type=submit]");
		browser.waitForText("added at stage 1");
		browser.type("#environment-name", "production")
			.select("#environment-tier", "PRODUCTION")
			.click("#add-environment-form button[type=submit]");
		browser.waitForText("added at stage 2");
		browser.screenshot("project");

		browser.open("/orgs/journey-" + id).find("#environment-grid");
		assertThat(browser.text()).contains("Storefront", "staging", "production");
		assertThat(browser.all("#environment-grid tbody tr")).hasSize(1);
		browser.screenshot("dashboard-after-journey");
	}

	@Test
	void aDemoOwnerInvitesSomeoneWhoJoinsFromTheLink() {
		String email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		browser.login("owner@acme.test", "lockstep-demo").open("/orgs/acme/members");
		browser.type("#email", email).select("#invite-role", "VIEWER").click("#invite-form button[type=submit]");
		String link = browser.find("#invite-link").getText().strip();
		assertThat(link).contains("/invitations/");
		assertThat(browser.currentPath()).isEqualTo("/orgs/acme/members");
		browser.screenshot("members-invited");

		browser.logout().open(link.substring(link.indexOf("/invitations/")));
		browser.waitForText("Acme Corp");
		browser.screenshot("invitation");
		browser.type("#invitation-signup #name", "Nico Newcomer")
			.type("#invitation-signup #password", "newcomer-password-1")
			.click("#invitation-signup button[type=submit]");
		browser.waitForPath("/orgs/acme").find("#environment-grid");
		browser.showMoreUntil("tr[data-project=shop]", "#board-show-more");
		assertThat(browser.text()).contains("Acme Corp", "Shop");

		browser.logout().login("owner@acme.test", "lockstep-demo").open("/orgs/acme/members");
		browser.waitForText(email);
	}

}
