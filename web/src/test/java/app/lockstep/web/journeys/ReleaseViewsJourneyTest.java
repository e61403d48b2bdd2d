package app.lockstep.web.journeys;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.web.config.VariablesGridTest;
import app.lockstep.web.deploy.SoloOrganizationTest;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views of issue 15 that make the difference, walked in the real browser, with a
 * screenshot of each at laptop (1440 px) and phone (390 px) width in target/screenshots.
 */
@LockstepTest
class ReleaseViewsJourneyTest extends BrowserJourney {

	@Test
	void theReleaseBoardPromotesThePreviousStagesLiveArtifactThroughTheNormalGate() throws Exception {
		this.clock.pin(DeploymentScenario.TUESDAY);
		DeploymentScenario project = scenario().liveRelease("board");
		String slug = project.slug();
		project.deploy("staging", "1.1.0", "succeeded");
		project.deploy("development", "1.1.0", "failed");
		String row = "tr[data-project='" + slug + "']";
		browser.login("owner@acme.test", "lockstep-demo");
		for (int width : new int[] { 1440, 390 }) {
			browser.resize(width, 900).open("/orgs/acme").showMoreUntil(row, "#board-show-more").find(row);
			((JavascriptExecutor) browser.driver())
				.executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", browser.find(row));
			browser.screenshot("release-board-" + width);
		}
		browser.resize(1440, 900).open("/orgs/acme").showMoreUntil(row, "#board-show-more").find(row);
		assertThat(browser.find(row).getText()).contains("Failed: 1.1.0", "Open until");
		browser.click(row + " .env-promote")
			.waitForPath("/orgs/acme/projects/" + slug + "/environments/production/deployments/new");
		assertThat(browser.find("#promote-note").getText()).contains("Promoting 1.1.0, live on staging");
		browser.screenshotPage("release-board-promote-form-1440");
		browser.click("#submit-request");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.urlMatches("/environments/production/deployments/[0-9a-f-]{36}$"));
		assertThat(browser.text().toLowerCase(Locale.ROOT)).contains("awaiting approval");
		browser.open("/orgs/acme").showMoreUntil(row, "#board-show-more").find(row);
		assertThat(browser.find(row).getText()).contains("1 awaiting approval");
	}

	@Test
	void aPersonWorkingAloneReadsWhyTheGateWaitsAndAllowsSelfApproval() throws Exception {
		SoloOrganizationTest.Solo solo = SoloOrganizationTest.solo(this.mvc);
		browser.login(solo.email(), SoloOrganizationTest.PASSWORD);
		for (int width : new int[] { 1440, 390 }) {
			browser.resize(width, 900).open(solo.production() + "/deployments/new").find("#solo-gate");
			browser.screenshotPage("solo-gate-" + width);
		}
		browser.resize(1440, 900).click("#allow-self-approval").waitForText("Self-approval allowed on production");
		assertThat(browser.currentPath()).isEqualTo(solo.production() + "/deployments/new");
		assertThat(browser.all("#solo-gate")).isEmpty();
		assertThat(browser.text()).contains("(self-approval allowed)");
		browser.screenshot("solo-gate-allowed-1440");
	}

	@Autowired
	SaveConfigRevision save;

	@Test
	void theVariablesGridLeadsToAVariablesHistory() throws Exception {
		String slug = VariablesGridTest.projectWithVariables(this.mvc, this.save, scenario().owner());
		browser.login("viewer@acme.test", "lockstep-demo");
		browser.open("/orgs/acme/projects/" + slug).click("#variables-link");
		browser.waitForPath("/orgs/acme/projects/" + slug + "/variables").find("#variables-grid");
		assertThat(browser.find("tr[data-variable='API_KEY']").getText()).contains("••••••").doesNotContain("sk-live");
		for (int width : new int[] { 1440, 390 }) {
			browser.resize(width, 900).open("/orgs/acme/projects/" + slug + "/variables").find("#variables-grid");
			browser.screenshotPage("variables-grid-" + width);
			assertThat(sidewaysOverflow()).as("what sticks out of the page at " + width + " px").isEmpty();
		}
		browser.resize(1440, 900).click("tr[data-variable='APP_ENV'] th a");
		browser.waitForPath("/orgs/acme/projects/" + slug + "/variables/APP_ENV").find("#variable-history");
		assertThat(browser.all("#variable-history tr.variable-change")).hasSize(3);
		browser.screenshotPage("variable-history-1440");
		browser.resize(390, 900).screenshotPage("variable-history-390");
		assertThat(sidewaysOverflow()).as("what sticks out of the page at 390 px").isEmpty();
	}

	@Test
	void aDeveloperSetsAVariableInPlaceInTheGrid() throws Exception {
		String slug = VariablesGridTest.projectWithVariables(this.mvc, this.save, scenario().owner());
		browser.login("dev@acme.test", "lockstep-demo").open("/orgs/acme/projects/" + slug + "/variables");
		String cell = "tr[data-variable='APP_ENV'] td:nth-of-type(3)";
		browser.click(cell + " .var-edit summary");
		browser.type(cell + " input[name=value]", "stage").click(cell + " button[type=submit]");
		browser.waitForText("APP_ENV set in staging: revision 2.");
		assertThat(browser.find("tr[data-variable='APP_ENV'] td:nth-of-type(3)").getText()).contains("stage");
		assertThat(browser.currentPath()).isEqualTo("/orgs/acme/projects/" + slug + "/variables");
		browser.screenshot("variables-grid-set-1440");
	}

	@Test
	void theApprovalQueueIsOneLinePerRequestOpeningInPlace() throws Exception {
		this.clock.pin(DeploymentScenario.TUESDAY);
		DeploymentScenario project = scenario().liveRelease("lines");
		Deployment first = project.requestRelease("dev@acme.test", "For the sale");
		project.requestRelease("dev@acme.test", "Again, for the sale");
		String card = "#request-" + first.id();
		browser.login("lead@acme.test", "lockstep-demo");
		for (int width : new int[] { 1440, 390 }) {
			browser.resize(width, 900)
				.open("/orgs/acme/approvals")
				.showMoreUntil(card, "#queue-show-more")
				.find(card + " > summary");
			assertThat(browser.all(card + " .queue-approve")).singleElement()
				.satisfies((button) -> assertThat(button.isDisplayed()).isFalse());
			// Its group when both requests fell on one page of the queue (other tests'
			// waiting requests decide where the pages break), else the card itself.
			((JavascriptExecutor) browser.driver()).executeScript(
					"(arguments[0].closest('section') || arguments[0]).scrollIntoView({block: 'start', behavior: 'instant'})",
					browser.find(card));
			browser.screenshot("approval-queue-compact-" + width);
			assertThat(overlapping(card + " > summary > *")).as("parts of the line drawn over each other at " + width)
				.isEmpty();
			browser.click(card + " > summary").find(card + " .queue-approve");
			browser.screenshot("approval-queue-open-" + width);
		}
	}

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

	/** The elements reaching past the page's right edge (outside scrolling frames). */
	@SuppressWarnings("unchecked")
	static java.util.List<String> sidewaysOverflow() {
		return (java.util.List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
				"""
						var width = document.documentElement.clientWidth, out = [];
						document.querySelectorAll('body *').forEach(function (e) {
						  if (e.closest('.table-responsive') && !e.classList.contains('table-responsive')) return;
						  var r = e.getBoundingClientRect();
						  if (r.width > 0 && r.right > width + 1) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right));
						});
						return out;
						""");
	}

	/** Pairs of these elements whose boxes overlap. */
	@SuppressWarnings("unchecked")
	static java.util.List<String> overlapping(String css) {
		return (java.util.List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
				var parts = Array.from(document.querySelectorAll(arguments[0])), out = [];
				for (var i = 0; i < parts.length; i++) {
				  for (var j = i + 1; j < parts.length; j++) {
				    var a = parts[i].getBoundingClientRect(), b = parts[j].getBoundingClientRect();
				    if (a.width && b.width && a.left < b.right - 1 && b.left < a.right - 1
				        && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
				      out.push(parts[i].className + ' / ' + parts[j].className);
				    }
				  }
				}
				return out;
				""", css);
	}

}
