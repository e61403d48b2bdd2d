package app.lockstep.web.window;

import java.time.Instant;

import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium (strict CSP): the environment page says production is
 * blocked on a Friday and draws the strip, and an owner adds a block in the editor and
 * sees the strip change.
 */
@LockstepTest
class WindowJourneysTest extends BrowserJourney {

	@BeforeEach
	void tallerWindowForTheStrip() {
		browser.resize(1280, 1000);
	}

	@Test
	void anOwnerSeesFridayBlockedAndAddsALunchBlock() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "win-journey");
		browser.login("owner@acme.test", "lockstep-demo");
		this.clock.pin(Instant.parse("2026-11-27T10:00:00Z"));

		browser.open("/orgs/acme/projects/shop/environments/production");
		assertThat(browser.find("#window-status").getText())
			.isEqualTo("Blocked until Mon 00:00 CET: No Friday deploys");
		assertThat(browser.all(".window-day[role=listitem]")).hasSize(14);
		assertThat(browser.all(".window-day[data-date='2026-11-27'] .window-cell.closed-BLOCK")).hasSize(48);
		assertThat(browser.all(".window-day[data-date='2026-11-30'] .window-cell.closed-BLOCK")).isEmpty();
		// The window card sits in the environment page's side column: every half hour of
		// the day still gets a visible cell.
		assertThat(browser.find(".window-day[data-date='2026-11-27'] .window-cells").getSize().getWidth())
			.isGreaterThanOrEqualTo(48 * 4);
		((JavascriptExecutor) browser.driver()).executeScript(
				"document.getElementById('deployment-windows').scrollIntoView({block: 'start', behavior: 'instant'})");
		browser.screenshot("windows-environment-page");

		browser.open("/orgs/acme/projects/" + slug + "/environments/production/windows");
		browser.type("#blocks-2-label", "Lunch")
			.click("#blocks-2-days-MONDAY")
			.type("#blocks-2-from", "12:00")
			.type("#blocks-2-to", "14:00");
		browser.click("#save-windows").waitForText("Deployment windows saved.");
		assertThat(browser.currentPath()).isEqualTo("/orgs/acme/projects/" + slug + "/environments/production/windows");
		assertThat(browser.find("#deployment-windows").getText()).contains("Lunch: Monday, 12:00–14:00");
		// Monday 30 November, 12:00-14:00 CET: cells 24 to 27.
		assertThat(browser.all(".window-day[data-date='2026-11-30'] .window-cell.closed-BLOCK")).hasSize(4);
		browser.screenshot("windows-editor-saved");

		browser.type("#blocks-2-from", "25:00").click("#save-windows").waitForText("Nothing was saved");
		assertThat(browser.find("#blocks-2-from-error").getText()).contains("\"25:00\" is not a time of day");
		assertThat(browser.find("#blocks-2-from").getAttribute("value")).isEqualTo("25:00");
		browser.screenshot("windows-editor-refused");
	}

}
