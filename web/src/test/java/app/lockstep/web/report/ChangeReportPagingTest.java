package app.lockstep.web.report;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.Demo;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A busy period's report shows its first 50 deployments (exceptions first) with the
 * summary of all of them, and offers the next ones and every one (to print); the CSV
 * always holds them all.
 */
@LockstepTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeReportPagingTest extends ScenarioTestBase {

	/** A Tuesday of a year no other test uses. */
	static final Instant DAY = Instant.parse("2034-03-07T08:00:00Z");

	static final String PATH = "/orgs/acme/reports/changes";

	static final String PERIOD = "?from=2034-03-07&to=2034-03-07&tier=STAGING";

	static final int DEPLOYMENTS = ChangeReportController.ROWS_PER_PAGE + 5;

	SessionCache sessions;

	@BeforeAll
	void aBusyDayOnStaging() {
		this.sessions = new SessionCache(this.mvc);
		DeploymentScenario f = scenario().project("paged-report");
		Caller developer = f.caller(ProjectTestSupport.DEVELOPER);
		this.clock.pin(DAY);
		try {
			f.push(developer, DeploymentScenario.sha(), "Start", "2034-03-01T09:00:00Z");
			String sha = DeploymentScenario.sha();
			f.push(developer, sha, "Next", "2034-03-02T09:00:00Z");
			f.artifact(developer, "1.0.0", sha);
			for (int i = 0; i < DEPLOYMENTS; i++) {
				this.clock.advance(Duration.ofMinutes(5));
				Deployment deployment = f.request(developer, "staging", "1.0.0", null);
				f.run(developer, "staging", deployment, (i == 0) ? "failed" : "succeeded", "Run " + i);
			}
		}
		finally {
			this.clock.release();
		}
	}

	@Test
	void theFirstFiftyWithTheSummaryOfAll() throws Exception {
		String html = page(PATH + PERIOD, false);
		assertThat(rows(html)).isEqualTo(ChangeReportController.ROWS_PER_PAGE);
		assertThat(html).contains("Showing 50 of 55 deployments.", "Show 5 more", "Show all 55 (to print)",
				"1 of 55 deployments need a look");
		Matcher total = Pattern
			.compile("id=\"count-total\".*?<div class=\"summary-count\">(\\d+)</div>", Pattern.DOTALL)
			.matcher(html);
		assertThat(total.find()).isTrue();
		assertThat(total.group(1)).isEqualTo("55");
		// The failed one is an exception, so it comes first even though it was the first
		// requested.
		assertThat(html.indexOf("report-exception")).isBetween(0, html.indexOf("Show 5 more"));
		assertThat(html).contains("shown=55").contains("shown=all");
	}

	@Test
	void theNextOnesAndAllOfThem() throws Exception {
		String more = page(PATH + PERIOD + "&shown=55", true);
		assertThat(more).startsWith("<div id=\"report-results\"");
		assertThat(rows(more)).isEqualTo(DEPLOYMENTS);
		assertThat(more).doesNotContain("id=\"report-more\"");
		assertThat(rows(page(PATH + PERIOD + "&shown=all", false))).isEqualTo(DEPLOYMENTS);
		// A count that is not one is the first page, not an error.
		assertThat(rows(page(PATH + PERIOD + "&shown=-3", false))).isEqualTo(ChangeReportController.ROWS_PER_PAGE);
	}

	@Test
	void theCsvHoldsEveryOne() throws Exception {
		String csv = this.mvc
			.perform(get(PATH + ".csv" + PERIOD).with(Demo.as(this.sessions, ProjectTestSupport.AUDITOR)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.strip().lines().count()).isEqualTo(DEPLOYMENTS + 1);
	}

	private String page(String path, boolean htmx) throws Exception {
		MockHttpServletRequestBuilder request = get(path).with(Demo.as(this.sessions, ProjectTestSupport.AUDITOR));
		if (htmx) {
			request.header("HX-Request", "true");
		}
		var response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private static int rows(String html) {
		Matcher matcher = Pattern.compile("<tbody class=\"report-entry").matcher(html);
		int rows = 0;
		while (matcher.find()) {
			rows++;
		}
		return rows;
	}

}
