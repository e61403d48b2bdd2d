package app.lockstep.web.journeys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.web.testing.Axe;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main pages, signed out and as the demo owner, checked in the real browser by
 * axe-core: no serious or critical violation (colour contrast among them), and a skip
 * link first on every page (issue 15).
 */
@LockstepTest
class AccessibilityJourneyTest extends BrowserJourney {

	static final String ENV = "/orgs/acme/projects/shop/environments/production";

	static final List<String> SIGNED_OUT = List.of("/login", "/login/sso", "/signup");

	static final List<String> OWNER_PAGES = List.of("/orgs/acme", "/orgs/acme/approvals", "/orgs/acme/reviews",
			"/orgs/acme/members", "/orgs/acme/audit", "/orgs/acme/tokens", "/orgs/acme/settings", "/orgs/acme/freezes",
			"/orgs/acme/reports/changes", "/orgs/acme/policies", "/orgs/acme/templates", "/orgs/acme/insights",
			"/orgs/acme/notifications", "/orgs/acme/projects/new", "/orgs/new", "/account/security",
			"/account/security/setup", "/orgs/acme/projects/shop", "/orgs/acme/projects/shop/settings",
			"/orgs/acme/projects/shop/commits", "/orgs/acme/projects/shop/compare", "/orgs/acme/projects/shop/config",
			"/orgs/acme/projects/shop/variables", "/orgs/acme/projects/shop/variables/DB_PASSWORD", ENV,
			ENV + "/settings", ENV + "/config", ENV + "/config/history", ENV + "/config/import", ENV + "/windows",
			ENV + "/timeline", ENV + "/deployments/new", ENV + "/deployment-settings", ENV + "/deployments/compare",
			"/orgs/acme/no-such-page", "/orgs/acme/projects/no-such-project", "/orgs/acme/settings/sso");

	/**
	 * At laptop (1440 px) and phone (390 px) widths; a full-page screenshot of each goes
	 * to target/screenshots (a11y-WIDTH-PAGE.png) for a person to look at.
	 */
	@Test
	void theMainPagesHaveNoSeriousOrCriticalViolations() throws Exception {
		// What some pages only show with data: a request awaiting approval, and an
		// emergency nobody reviewed for days (the review queue, the change report's
		// exceptions, the emergency banner).
		String emergency;
		String pending;
		this.clock.pin(DeploymentScenario.TUESDAY);
		try {
			DeploymentScenario project = scenario().liveRelease("a11y");
			// the release board's states: live on staging (so production offers
			// "promote"),
			// a failed run on development
			project.deploy("staging", "1.1.0", "succeeded");
			project.deploy("development", "1.1.0", "failed");
			emergency = "/orgs/acme/projects/" + project.slug() + "/environments/production/deployments/"
					+ project.emergencyRelease("Checkout is down").id();
			pending = "/orgs/acme/projects/" + project.slug() + "/environments/production/deployments/"
					+ project.requestRelease("dev@acme.test", "For the sale").id();
		}
		finally {
			this.clock.release();
		}
		Map<String, List<String>> found = new LinkedHashMap<>();
		for (int width : new int[] { 1440, 390 }) {
			browser.logout().resize(width, 900);
			for (String path : SIGNED_OUT) {
				check(path, width, found);
			}
			browser.login("owner@acme.test", "lockstep-demo");
			for (String path : OWNER_PAGES) {
				check(path, width, found);
			}
			browser.open(ENV).find("#deployments");
			String deployment = browser.all("#deployments a[href*='/deployments/']")
				.stream()
				.map((link) -> link.getAttribute("href"))
				.filter((href) -> href.matches(".*/deployments/[0-9a-f-]{36}$"))
				.findFirst()
				.orElseThrow();
			check(deployment.substring(deployment.indexOf("/orgs/")), width, found);
			check(emergency, width, found);
		}
		// What other roles see differently: the lead's queue with its decision forms and
		// the request waiting for them, the auditor's log and report.
		browser.logout().resize(1440, 900).login("lead@acme.test", "lockstep-demo");
		check("/orgs/acme/approvals", 1440, found);
		check(pending, 1440, found);
		browser.logout().login("auditor@acme.test", "lockstep-demo");
		for (String path : List.of("/orgs/acme/audit", "/orgs/acme/reports/changes", "/orgs/acme/members")) {
			check(path, 1440, found);
		}
		// Someone working alone: the request form explaining a gate nobody else can pass.
		app.lockstep.web.deploy.SoloOrganizationTest.Solo solo = app.lockstep.web.deploy.SoloOrganizationTest
			.solo(this.mvc);
		browser.logout().login(solo.email(), app.lockstep.web.deploy.SoloOrganizationTest.PASSWORD);
		for (int width : new int[] { 1440, 390 }) {
			browser.resize(width, 900);
			check(solo.production() + "/deployments/new", width, found);
		}
		assertThat(found).as("serious and critical axe-core violations by page").isEmpty();
	}

	@Test
	void everyPageOffersASkipLinkFirst() {
		List<String> missing = new ArrayList<>();
		for (String path : SIGNED_OUT) {
			skipLink(path, missing);
		}
		browser.login("owner@acme.test", "lockstep-demo");
		for (String path : List.of("/orgs/acme", "/orgs/acme/audit", ENV, ENV + "/config", "/orgs/acme/no-such-page")) {
			skipLink(path, missing);
		}
		assertThat(missing).isEmpty();
	}

	private void check(String path, int width, Map<String, List<String>> found) {
		browser.open(path).find("main");
		browser.screenshotPage("a11y-" + width + path.replaceAll("[^A-Za-z0-9]+", "-"));
		List<String> violations = Axe.seriousViolations(browser);
		if (!violations.isEmpty()) {
			found.put(width + " px " + path, violations);
		}
	}

	private void skipLink(String path, List<String> missing) {
		browser.open(path).find("main");
		// the first element a keyboard reaches, in document order (an autofocused field
		// may hold the focus already)
		WebElement first = (WebElement) ((JavascriptExecutor) browser.driver()).executeScript("""
				var all = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]');
				for (var i = 0; i < all.length; i++) {
				  if (all[i].tabIndex >= 0 && !all[i].disabled) { all[i].focus(); return all[i]; }
				}
				return null;
				""");
		String href = (first != null) ? first.getAttribute("href") : null;
		boolean skip = first != null && first.getTagName().equals("a") && href != null && href.endsWith("#main")
				&& first.getText().contains("Skip to content") && first.isDisplayed()
				&& !browser.all("main#main").isEmpty();
		if (!skip) {
			missing.add(path + ": first focusable is "
					+ ((first != null) ? first.getTagName() + " " + first.getText() : "none"));
			return;
		}
		first.sendKeys(Keys.ENTER);
		assertThat(browser.driver().getCurrentUrl()).endsWith("#main");
	}

}
