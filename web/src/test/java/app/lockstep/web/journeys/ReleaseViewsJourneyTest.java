package app.lockstep.web.journeys;

import java.util.Map;

import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views of issue 15 that make the difference, walked in the real browser, with a
 * screenshot of each at laptop (1440 px) and phone (390 px) width in target/screenshots.
 */
@LockstepTest
class ReleaseViewsJourneyTest extends BrowserJourney {

	@Autowired
	MockMvc mvc;

	@Test
	void theEnvironmentPageShowsOperationsAndKeepsItsSettingsOnATab() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "tabs");
		String env = "/orgs/acme/projects/" + slug + "/environments/staging";
		browser.login("owner@acme.test", "lockstep-demo");
		for (int width : new int[] { 1440, 390 }) {
			browser.resize(width, 900).open(env).find("#deployments");
			assertThat(browser.all("#danger-zone")).isEmpty();
			browser.screenshotPage("environment-operations-" + width);
			browser.click("#settings-tab").waitForPath(env + "/settings").find("#danger-zone");
			browser.screenshotPage("environment-settings-" + width);
		}
		browser.resize(1440, 900).type("#edit-environment-form input[name=branchPattern]", "release/*");
		browser.click("#edit-environment-form button[type=submit]")
			.waitForPath(env + "/settings")
			.waitForText("Environment \u201cstaging\u201d saved.");
		assertThat(browser.find("#environment-details").getText()).contains("release/*");
		browser.click("#operations-tab").waitForPath(env).find("#deployments");
	}

	@Test
	void theAuditLogKeepsItsFilterBarInViewAndShowsBeforeAndAfterSideBySide() {
		browser.login("owner@acme.test", "lockstep-demo");
		browser.resize(1440, 900).open("/orgs/acme/audit").find("#audit-table .action-chip");
		browser.screenshot("audit-readable-1440");
		((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo({top: 3000, behavior: 'instant'})");
		@SuppressWarnings("unchecked")
		Map<String, Object> box = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
				var nav = document.querySelector('nav.navbar').getBoundingClientRect();
				var bar = document.getElementById('audit-filters').getBoundingClientRect();
				return {scrolled: window.scrollY, navBottom: nav.bottom, top: bar.top, bottom: bar.bottom};
				""");
		assertThat(((Number) box.get("scrolled")).doubleValue()).as("the page scrolled").isGreaterThan(100);
		assertThat(((Number) box.get("top")).doubleValue()).as("the filter bar below the navigation")
			.isGreaterThanOrEqualTo(((Number) box.get("navBottom")).doubleValue() - 1);
		assertThat(((Number) box.get("bottom")).doubleValue()).as("the filter bar in view").isLessThan(900);
		browser.screenshot("audit-readable-scrolled-1440");
		// a chip filters by its action
		String action = browser.find("#audit-table .action-chip").getText();
		browser.click("#audit-table .action-chip").waitForUrlContaining("action=" + action);
		assertThat(browser.all("#audit-table .action-chip"))
			.allSatisfy((chip) -> assertThat(chip.getText()).isEqualTo(action));
		browser.resize(390, 900).open("/orgs/acme/audit").find("#audit-table");
		browser.screenshotPage("audit-readable-390");
	}

}
