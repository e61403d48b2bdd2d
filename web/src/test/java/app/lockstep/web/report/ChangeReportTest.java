package app.lockstep.web.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.access.Caller;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.Browser;
import app.lockstep.web.testing.Demo;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The change-management report over a week of production deployments of a project of its
 * own (on dates no other test uses, so the counts are exactly this project's): a normal
 * approved one, a self-approved one, a rejected one, a failed one and an unreviewed
 * emergency on a Friday (production's default windows are closed on Fridays), plus a
 * staging deployment that only "all tiers" shows.
 */
@LockstepTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeReportTest extends ScenarioTestBase {

	/** A Tuesday, 11:00 in Paris (acme's time zone): production's windows are open. */
	static final Instant TUESDAY = Instant.parse("2033-03-08T10:00:00Z");

	static final Instant FRIDAY = Instant.parse("2033-03-11T10:00:00Z");

	static final String PERIOD = "?from=2033-03-08&to=2033-03-11";

	@LocalServerPort
	int port;

	SessionCache sessions;

	String project;

	Deployment normal;

	Deployment selfApproved;

	Deployment rejected;

	Deployment failed;

	Deployment emergency;

	Deployment staging;

	String c1;

	String c2;

	String c3;

	@BeforeAll
	void aWeekOfDeployments() throws Exception {
		this.sessions = new SessionCache(this.mvc);
		DeploymentScenario f = scenario().project("report");
		Caller owner = f.caller(ProjectTestSupport.OWNER);
		Caller lead = f.caller(ProjectTestSupport.LEAD);
		Caller developer = f.caller(ProjectTestSupport.DEVELOPER);
		this.project = f.slug();
		this.clock.pin(TUESDAY.minus(Duration.ofDays(7)));
		try {
			this.c1 = DeploymentScenario.sha();
			this.c2 = DeploymentScenario.sha();
			this.c3 = DeploymentScenario.sha();
			String c4 = DeploymentScenario.sha();
			f.push(developer, this.c1, "Checkout behind a flag", "2033-03-01T09:00:00Z");
			f.push(developer, this.c2, "Fix VAT rounding", "2033-03-02T09:00:00Z");
			f.push(developer, this.c3, "Adapt to the payment API", "2033-03-03T09:00:00Z");
			f.push(developer, c4, "Wishlist migration", "2033-03-04T09:00:00Z");
			f.artifact(developer, "1.0.0", this.c1);
			f.artifact(developer, "1.1.0", this.c3);
			f.artifact(developer, "1.2.0", c4);
			int rev1 = f.config(owner, "production", null, DeploymentScenario.phpSpec("8.2"),
					List.of(DeploymentScenario.variable("MODE", "live")), "php 8.2");
			int rev2 = f.config(owner, "production", rev1, DeploymentScenario.phpSpec("8.3"),
					List.of(DeploymentScenario.variable("MODE", "strict"), DeploymentScenario.variable("FLAG", "on")),
					"php 8.3");

			this.clock.pin(TUESDAY);
			this.normal = f.request(developer, "production", "1.0.0", rev1);
			f.approve(lead, "production", this.normal, "Looks right");
			this.normal = f.run(developer, "production", this.normal, "succeeded", "Deployed in 90 s");

			this.clock.advance(Duration.ofMinutes(10));
			f.selfApprovalAllowed("production");
			this.selfApproved = f.request(lead, "production", "1.1.0", rev2);
			f.approve(lead, "production", this.selfApproved, "Looks right");
			this.selfApproved = f.run(lead, "production", this.selfApproved, "succeeded", "OK");

			this.clock.advance(Duration.ofMinutes(10));
			this.rejected = f.request(developer, "production", "1.2.0", rev2);
			f.reject(lead, "production", this.rejected, "The migration locks orders; not now.");

			this.clock.advance(Duration.ofMinutes(10));
			this.failed = f.request(developer, "production", "1.2.0", rev2);
			f.approve(owner, "production", this.failed, "Looks right");
			this.failed = f.run(developer, "production", this.failed, "failed", "Migration timed out");

			this.clock.advance(Duration.ofMinutes(10));
			this.staging = f.request(developer, "staging", "1.0.0", null);
			this.staging = f.run(developer, "staging", this.staging, "succeeded", "OK");

			this.clock.pin(FRIDAY);
			this.emergency = f.emergency(owner, "production", "1.2.0", null,
					"Checkout is down, the payment provider changed its API");
			this.emergency = f.run(owner, "production", this.emergency, "succeeded", "Hotfix live");
		}
		finally {
			this.clock.release();
		}
	}

	@Test
	void theSummaryCountsTheWeekAndTheExceptionsComeFirst() throws Exception {
		String html = page("/orgs/acme/reports/changes" + PERIOD + "&tier=PRODUCTION", ProjectTestSupport.AUDITOR,
				false);
		assertThat(count(html, "count-total")).isEqualTo(5);
		assertThat(count(html, "count-succeeded")).isEqualTo(2 + 1);
		assertThat(count(html, "count-failed")).isEqualTo(1);
		assertThat(count(html, "count-stopped")).isEqualTo(1);
		assertThat(count(html, "count-emergencies")).isEqualTo(1);
		assertThat(html).contains("1 not reviewed");
		assertThat(count(html, "count-duties")).isEqualTo(1);
		assertThat(html).contains("1 self-approved");
		assertThat(count(html, "count-outside")).isEqualTo(0);
		assertThat(html).contains("+ 1 emergency bypass");
		assertThat(html).contains("3 of 5 deployments need a look");
		// Exceptions first, most serious first: the unreviewed emergency, the
		// self-approval,
		// the failure; then the rest as requested.
		assertThat(order(html)).containsExactly(this.emergency.id().toString(), this.selfApproved.id().toString(),
				this.failed.id().toString(), this.normal.id().toString(), this.rejected.id().toString());
		assertThat(html).doesNotContain(this.staging.id().toString());
	}

	@Test
	void eachDeploymentShowsWhoDecidedWhatChangedAndHowItEnded() throws Exception {
		String html = page("/orgs/acme/reports/changes" + PERIOD, ProjectTestSupport.OWNER, false);
		String emergencyRow = entry(html, this.emergency);
		assertThat(emergencyRow).contains("Emergency not reviewed",
				"Checkout is down, the payment provider changed its API", "not reviewed", "no: emergency bypass",
				"No Friday deploys", "no approval required", "Hotfix live");
		String self = entry(html, this.selfApproved);
		assertThat(self).contains("Separation of duties violated", "violated: self-approved", ">self<",
				"2 commits since 1.0.0", "Adapt to the payment API", "Fix VAT rounding", "php 8.2 → 8.3",
				"+1 ~1 -0 variables", "Revision 1 → 2");
		assertThat(self).doesNotContain("Checkout behind a flag");
		String normalRow = entry(html, this.normal);
		assertThat(normalRow).contains("held", "Leo Lead", "approved 2033-03-08 11:00", "Dana Developer",
				"<span class=\"report-window window-INSIDE\">yes</span>", "revision 1, the first deployed");
		assertThat(normalRow).doesNotContain("report-flag");
		String rejectedRow = entry(html, this.rejected);
		assertThat(rejectedRow).contains("not approved", "rejected 2033-03-08", "The migration locks orders; not now.",
				"not started", "Rejected");
		assertThat(entry(html, this.failed)).contains("Failed", "Migration timed out", "held");
	}

	@Test
	void allTiersIncludesStaging() throws Exception {
		String html = page("/orgs/acme/reports/changes" + PERIOD + "&tier=ALL", ProjectTestSupport.OWNER, false);
		assertThat(count(html, "count-total")).isEqualTo(6);
		assertThat(html).contains(this.staging.id().toString());
	}

	@Test
	void htmxGetsOnlyTheResults() throws Exception {
		String html = page("/orgs/acme/reports/changes" + PERIOD, ProjectTestSupport.AUDITOR, true);
		assertThat(html).contains("id=\"report-results\"", "id=\"report-summary\"")
			.doesNotContain("<html", "<nav class=\"navbar");
		assertThat(count(html, "count-total")).isEqualTo(5);
	}

	@Test
	void theCsvHasOneRowPerDeploymentOldestFirst() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/orgs/acme/reports/changes.csv" + PERIOD)
				.with(Demo.as(this.sessions, ProjectTestSupport.AUDITOR)))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).startsWith("text/csv");
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.contains("acme-changes-production-2033-03-08-to-2033-03-11.csv");
		List<String> lines = result.getResponse().getContentAsString().lines().toList();
		assertThat(lines.get(0)).isEqualTo("requested_at,project,environment,artifact,commits,config_revision,"
				+ "config_changes,requester,approvers,separation_of_duties,inside_window,emergency,emergency_reason,"
				+ "reviewed_by,review_comment,status,finished_at");
		assertThat(lines).hasSize(6);
		List<List<String>> rows = lines.subList(1, 6).stream().map(ChangeReportTest::cells).toList();
		assertThat(rows).allSatisfy((row) -> assertThat(row).hasSize(17));
		assertThat(rows.stream().map((row) -> row.get(15))).containsExactly("succeeded", "succeeded", "rejected",
				"failed", "succeeded");
		List<String> normalRow = rows.get(0);
		assertThat(normalRow.get(0)).isEqualTo("2033-03-08T10:00:00Z");
		assertThat(normalRow.subList(1, 4)).containsExactly(this.project, "production", "1.0.0");
		assertThat(normalRow.get(4)).contains(this.c1.substring(0, 7) + " Checkout behind a flag");
		assertThat(normalRow.get(7)).isEqualTo("Dana Developer");
		assertThat(normalRow.get(8)).isEqualTo("Leo Lead approved 2033-03-08T10:00:00Z");
		assertThat(normalRow.subList(9, 12)).containsExactly("held", "yes", "no");
		List<String> self = rows.get(1);
		assertThat(self.get(4)).contains(this.c3.substring(0, 7), this.c2.substring(0, 7))
			.doesNotContain(this.c1.substring(0, 7));
		assertThat(self.get(5)).isEqualTo("2");
		assertThat(self.get(6)).contains("php 8.2 → 8.3");
		assertThat(self.get(8)).contains("(self-approved)");
		assertThat(self.get(9)).isEqualTo("violated");
		assertThat(rows.get(2).subList(9, 11)).containsExactly("not_approved", "not_started");
		List<String> emergencyRow = rows.get(4);
		assertThat(emergencyRow.subList(9, 15)).containsExactly("not_required", "bypassed", "yes",
				"Checkout is down, the payment provider changed its API", "not reviewed", "");
		assertThat(emergencyRow.get(16)).isEqualTo("2033-03-11T10:00:00Z");
	}

	@ParameterizedTest
	@ValueSource(strings = { ProjectTestSupport.OWNER, ProjectTestSupport.AUDITOR })
	void ownersAdminsAndAuditorsRead(String email) throws Exception {
		assertThat(status("/orgs/acme/reports/changes" + PERIOD, email)).isEqualTo(200);
		assertThat(status("/orgs/acme/reports/changes.csv" + PERIOD, email)).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { ProjectTestSupport.VIEWER, ProjectTestSupport.DEVELOPER, ProjectTestSupport.LEAD })
	void othersAreRefused(String email) throws Exception {
		assertThat(status("/orgs/acme/reports/changes" + PERIOD, email)).isEqualTo(403);
		assertThat(status("/orgs/acme/reports/changes.csv" + PERIOD, email)).isEqualTo(403);
		assertThat(status("/orgs/acme/reports/changes?from=nonsense", email)).isEqualTo(403);
	}

	@Test
	void nonMembersGet404() throws Exception {
		assertThat(status("/orgs/acme/reports/changes" + PERIOD, ProjectTestSupport.GLOBEX_OWNER)).isEqualTo(404);
		assertThat(status("/orgs/acme/reports/changes.csv" + PERIOD, ProjectTestSupport.GLOBEX_OWNER)).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aBadPeriodIs422WithTheMessageBesideItsField(boolean htmx) throws Exception {
		MvcResult reversed = perform("/orgs/acme/reports/changes?from=2033-03-11&to=2033-03-08&tier=PRODUCTION",
				ProjectTestSupport.AUDITOR, htmx);
		assertThat(reversed.getResponse().getStatus()).isEqualTo(422);
		String html = reversed.getResponse().getContentAsString();
		assertThat(html).contains("id=\"from-error\"", "The period starts after it ends", "value=\"2033-03-11\"");
		MvcResult tooLong = perform("/orgs/acme/reports/changes?from=2032-01-01&to=2033-03-08",
				ProjectTestSupport.AUDITOR, htmx);
		assertThat(tooLong.getResponse().getStatus()).isEqualTo(422);
		assertThat(tooLong.getResponse().getContentAsString()).contains("id=\"to-error\"", "at most 366 days");
		MvcResult tier = perform("/orgs/acme/reports/changes?tier=QA", ProjectTestSupport.AUDITOR, htmx);
		assertThat(tier.getResponse().getStatus()).isEqualTo(422);
		assertThat(tier.getResponse().getContentAsString()).contains("id=\"tier-error\"",
				"DEVELOPMENT, STAGING, PRODUCTION or ALL");
		assertThat(status("/orgs/acme/reports/changes.csv?from=2033-03-11&to=2033-03-08", ProjectTestSupport.AUDITOR))
			.isEqualTo(422);
	}

	@Test
	void withoutDatesItShowsTheLast30DaysOfProduction() throws Exception {
		this.clock.pin(FRIDAY.plus(Duration.ofDays(3)));
		try {
			String html = page("/orgs/acme/reports/changes", ProjectTestSupport.AUDITOR, false);
			assertThat(html).contains("value=\"2033-02-13\"", "value=\"2033-03-14\"");
			assertThat(html).contains(this.emergency.id().toString(), this.normal.id().toString());
		}
		finally {
			this.clock.release();
		}
	}

	/**
	 * In a real browser: the details are closed on screen and printed open, without the
	 * navigation and the form. Screenshots land in target/screenshots.
	 */
	@Test
	void theReportPrintsCleanly() {
		try (Browser browser = new Browser(this.port)) {
			browser.login(ProjectTestSupport.AUDITOR, Demo.PASSWORD)
				.open("/orgs/acme/reports/changes" + PERIOD)
				.waitForText("Change-management report");
			String commits = "[data-deployment='" + this.selfApproved.id() + "'] .report-commits";
			assertThat(shown(browser, commits)).isFalse();
			assertThat(shown(browser, "form.report-filters")).isTrue();
			browser.screenshotPage("change-report");
			browser.click("[data-deployment='" + this.selfApproved.id() + "'] summary");
			assertThat(shown(browser, commits)).isTrue();
			browser.click("[data-deployment='" + this.selfApproved.id() + "'] summary");
			((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
			assertThat(shown(browser, commits)).isTrue();
			assertThat(shown(browser, "nav.navbar")).isFalse();
			assertThat(shown(browser, "form.report-filters")).isFalse();
			assertThat(shown(browser, "#report-csv")).isFalse();
			browser.screenshotPage("change-report-print");
			Pdf pdf = ((PrintsPage) browser.driver()).print(new PrintOptions());
			try {
				java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "change-report.pdf"),
						java.util.Base64.getDecoder().decode(pdf.getContent()));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
	}

	/**
	 * Whether the browser renders it (checkVisibility: Selenium's isDisplayed deems
	 * whatever is inside a closed details hidden, print or not).
	 */
	private static boolean shown(Browser browser, String css) {
		Object visible = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("return arguments[0].checkVisibility();", browser.driver().findElement(By.cssSelector(css)));
		return Boolean.TRUE.equals(visible);
	}

	@Test
	void theAuditPageLinksToTheReport() throws Exception {
		assertThat(page("/orgs/acme/audit", ProjectTestSupport.AUDITOR, false)).contains("id=\"change-report-link\"",
				"href=\"/orgs/acme/reports/changes\"");
	}

	private String page(String path, String email, boolean htmx) throws Exception {
		MvcResult result = perform(path, email, htmx);
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private MvcResult perform(String path, String email, boolean htmx) throws Exception {
		MockHttpServletRequestBuilder request = get(path).with(Demo.as(this.sessions, email));
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return this.mvc.perform(request).andReturn();
	}

	private int status(String path, String email) throws Exception {
		return perform(path, email, false).getResponse().getStatus();
	}

	private static int count(String html, String id) {
		Matcher matcher = Pattern
			.compile("id=\"" + id + "\".*?<div class=\"summary-count\">(\\d+)</div>", Pattern.DOTALL)
			.matcher(html);
		assertThat(matcher.find()).as("card " + id).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	/** The deployment ids of the report's rows, top to bottom. */
	private static List<String> order(String html) {
		return Pattern.compile("data-deployment=\"([0-9a-f-]+)\"")
			.matcher(html)
			.results()
			.map((m) -> m.group(1))
			.toList();
	}

	/** The markup of one deployment's rows. */
	private static String entry(String html, Deployment deployment) {
		int start = html.indexOf("data-deployment=\"" + deployment.id() + "\"");
		assertThat(start).as("row of " + deployment.id()).isPositive();
		return html.substring(start, html.indexOf("</tbody>", start));
	}

	/** One CSV line's cells (RFC 4180 quotes). */
	static List<String> cells(String line) {
		List<String> cells = new java.util.ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

}
