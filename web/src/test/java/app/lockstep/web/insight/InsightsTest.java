package app.lockstep.web.insight;

import java.time.Duration;
import java.util.List;

import app.lockstep.domain.deploy.ConfigureApprovalPolicy;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The DORA page, its CSV and its JSON over HTTP and the real database, for a project
 * whose production deployed once successfully and once not; bad dates are refused beside
 * their field.
 */
@LockstepTest
class InsightsTest extends ScenarioTestBase {

	@Test
	void aProjectsProductionMetricsAsPageCsvAndJson() throws Exception {
		this.clock.pin(DeploymentScenario.TUESDAY);
		DeploymentScenario live = scenario().project("dora", "production", "PRODUCTION");
		this.context.getBean(ConfigureApprovalPolicy.class)
			.update(live.owner(), live.slug(), "production",
					new ConfigureApprovalPolicy.Input(0, List.of(), false, 72, null));
		String sha = DeploymentScenario.sha();
		live.push(live.owner(), sha, "First", "2026-11-24T08:00:00Z").artifact("1.0.0", sha);
		live.deploy("production", "1.0.0", "succeeded");
		this.clock.advance(Duration.ofHours(2));
		String next = DeploymentScenario.sha();
		live.push(live.owner(), next, "Second", "2026-11-24T11:00:00Z").artifact("1.1.0", next);
		live.deploy("production", "1.1.0", "failed");
		String query = "?project=" + live.slug() + "&from=2026-11-20&to=2026-11-26";

		this.mvc.perform(get("/api/v1/orgs/acme/dora" + query).session(as(ProjectTestSupport.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.current.deployments").value(1))
			.andExpect(jsonPath("$.current.finished").value(2))
			.andExpect(jsonPath("$.current.changeFailures").value(1))
			.andExpect(jsonPath("$.current.changeFailureRate").value(0.5))
			.andExpect(jsonPath("$.current.leadTimeMinutes").value(120))
			.andExpect(jsonPath("$.previous.deployments").value(0));
		this.mvc.perform(get("/orgs/acme/insights" + query).session(as(ProjectTestSupport.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"dora-chart\"")))
			.andExpect(content().string(containsString("50% (1 of 2)")))
			.andExpect(content().string(containsString("Change failure: failed")));
		this.mvc.perform(get("/orgs/acme/insights.csv" + query).session(as(ProjectTestSupport.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("dora-2026-11-20-2026-11-26.csv")))
			.andExpect(content().string(containsString("finished_at,project,environment,version")))
			.andExpect(content().string(containsString(",1.1.0,false,true,failed,")));
	}

	@Test
	void badDatesAreRefusedBesideTheirField() throws Exception {
		this.mvc.perform(get("/orgs/acme/insights?from=2026-12-07&to=2026-12-01").session(as(ProjectTestSupport.OWNER)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"from-error\"")));
		this.mvc.perform(get("/orgs/acme/insights?to=tomorrow").session(as(ProjectTestSupport.OWNER)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("YYYY-MM-DD")));
		this.mvc.perform(get("/api/v1/orgs/acme/dora?project=no-such").session(as(ProjectTestSupport.OWNER)))
			.andExpect(status().isNotFound());
	}

}
