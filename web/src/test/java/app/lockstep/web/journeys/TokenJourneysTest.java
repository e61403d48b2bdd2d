package app.lockstep.web.journeys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A developer creates an API token in a real headless Chromium (htmx, strict CSP), a
 * machine uses it over real HTTP, and revoking it in the browser stops it at once.
 */
@LockstepTest
class TokenJourneysTest extends BrowserJourney {

	@Test
	void aDeveloperCreatesATokenAMachineUsesItAndRevokingStopsIt() throws Exception {
		String name = "CI " + UUID.randomUUID().toString().substring(0, 8);
		browser.login("dev@acme.test", "lockstep-demo").open("/orgs/acme");
		browser.click("a.nav-link[href='/orgs/acme/tokens']").waitForPath("/orgs/acme/tokens");
		assertThat(browser.find("#scope-audit-read").isEnabled()).isFalse();

		browser.type("#name", name).click("#scope-config-write").select("#project", "shop");
		browser.click("#token-form button[type=submit]");
		String secret = browser.find("#new-token").getText().strip();
		assertThat(secret).matches("^lst_[A-Za-z0-9_-]{43}$");
		assertThat(browser.currentPath()).isEqualTo("/orgs/acme/tokens");
		assertThat(browser.find("#tokens-table").getText()).contains(name, secret.substring(0, 12), "shop");
		assertThat(browser.find("[data-copy-target='new-token']").isDisplayed()).isTrue();
		((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo({top: 0, behavior: 'instant'})");
		browser.screenshot("token-created");

		assertThat(call(secret, "/api/v1/orgs/acme/projects/shop")).isEqualTo(200);
		assertThat(call(secret, "/api/v1/orgs/acme/projects/api")).isEqualTo(404);

		browser.open("/orgs/acme/tokens");
		assertThat(browser.driver().getPageSource()).contains(name).doesNotContain(secret);
		String row = "tr[data-token-name='" + name + "']";
		browser.click(row + " button[type=submit]");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
		browser.waitForText("Revoked");
		assertThat(browser.find(row + " .token-status").getText()).isEqualTo("Revoked");
		browser.screenshot("token-revoked");
		assertThat(call(secret, "/api/v1/orgs/acme/projects/shop")).isEqualTo(401);
	}

	private int call(String secret, String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", "Bearer " + secret)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode();
	}

}
