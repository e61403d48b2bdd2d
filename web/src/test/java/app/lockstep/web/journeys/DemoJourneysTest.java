package app.lockstep.web.journeys;

import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people do end to end, in a real headless Chromium against the running application.
 */
@LockstepTest
class DemoJourneysTest extends BrowserJourney {

	@Test
	void aDemoOwnerLogsInAndSeesEveryProjectAndEnvironmentOnTheDashboard() {
		browser.login("owner@acme.test", "lockstep-demo").waitForPath("/orgs/acme");
		browser.find("#environment-grid");
		browser.showMoreUntil("tr[data-project=shop]", "#board-show-more")
			.showMoreUntil("tr[data-project=api]", "#board-show-more");
		assertThat(browser.text()).contains("Acme Corp", "Shop", "API", "development", "staging", "production");
		for (String project : new String[] { "shop", "api" }) {
			assertThat(browser.all("tr[data-project=" + project + "] .env-name"))
				.extracting(org.openqa.selenium.WebElement::getText)
				.containsExactly("development", "staging", "production");
		}
		assertThat(browser.find("tr[data-project=shop]").getText()).contains("staging ≠ production: php 8.4 vs 8.3");
		browser.screenshot("dashboard");
		browser.resize(390, 844).open("/orgs/acme").find("#environment-grid");
		browser.screenshot("dashboard-phone");
	}

	@Test
	void aWrongPasswordShowsAClearMessage() {
		browser.open("/login").type("#username", "owner@acme.test").type("#password", "not-the-password");
		browser.click("button[type=submit]").find("#login-error");
		assertThat(browser.text()).contains("do not match");
		browser.screenshot("login-error");
	}

}
