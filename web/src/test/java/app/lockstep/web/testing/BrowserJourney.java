package app.lockstep.web.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser journeys: one headless Chromium per test class, signed out and at
 * laptop size before each test, closed after the class; and what every scenario test has
 * (MockMvc, the clock released after each test, new deployment scenarios).
 */
public abstract class BrowserJourney extends ScenarioTestBase {

	protected static Browser browser;

	@LocalServerPort
	protected int port;

	@BeforeEach
	void openBrowser() {
		if (browser == null) {
			browser = new Browser(this.port);
		}
		browser.logout().resize(1280, 900);
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

}
