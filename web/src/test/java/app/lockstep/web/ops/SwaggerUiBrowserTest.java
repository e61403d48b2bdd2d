package app.lockstep.web.ops;

import java.util.List;

import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browsable API description works in a real browser under the application's
 * Content-Security-Policy (no inline script, no inline style, no eval): the operations
 * are rendered, and the browser reports no violation.
 */
@LockstepTest
class SwaggerUiBrowserTest extends BrowserJourney {

	@Test
	void theSwaggerUiRendersTheApiUnderTheContentSecurityPolicy() {
		browser.open("/swagger-ui.html");
		browser.waitForText("Lockstep API");
		browser.find(".opblock-tag");
		browser.waitForText("/api/v1/orgs/{org}/projects");
		assertThat(browser.all(".opblock-tag")).as("a section per feature").hasSizeGreaterThanOrEqualTo(6);
		browser.find("button.authorize");
		List<String> violations = browser.driver()
			.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy") || message.contains("Refused to"))
			.toList();
		browser.screenshot("swagger-ui");
		assertThat(violations).as("CSP violations").isEmpty();
	}

}
