package app.lockstep.web.window;

import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organization policies over HTTP and the real database, on chosen projects of the shared
 * demo organization (and removed after each test, so the others' production is left
 * alone): the gate and the windows apply to those projects' production, say where they
 * come from, lock the environment's own forms, and only policy managers set them.
 */
@LockstepTest
class OrganizationPoliciesWebTest extends ScenarioTestBase {

	private static final String API = "/api/v1/orgs/acme/policies";

	@AfterEach
	void removeThePolicies() throws Exception {
		asOwner(API + "/approval-gate", "{\"enabled\": false}").andExpect(status().isOk());
		asOwner(API + "/windows", "{\"enabled\": false}").andExpect(status().isOk());
	}

	@Test
	void aLockedGateForAChosenProjectAppliesToItsProductionAndLocksItsOwnForm() throws Exception {
		this.clock.pin(DeploymentScenario.TUESDAY);
		DeploymentScenario chosen = scenario().project("org-gate");
		DeploymentScenario other = scenario().project("org-gate-other");
		asOwner(API + "/approval-gate",
				"{\"enabled\": true, \"requiredApprovals\": 2, \"approverRoles\": [\"LEAD\","
						+ " \"ADMIN\", \"OWNER\"], \"approvalValidHours\": 48, \"projects\": [\"" + chosen.slug()
						+ "\"], \"overridable\": false}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.projects[0]").value(chosen.slug()))
			.andExpect(jsonPath("$.overridable").value(false));

		String sha = DeploymentScenario.sha();
		chosen.artifact("1.0.0", sha);
		other.artifact("1.0.0", sha);
		Deployment governed = chosen.request(chosen.caller(ProjectTestSupport.DEVELOPER), "production",
				new RequestDeployment.Input("1.0.0", null, null, "queue", null, false, null));
		Deployment free = other.request(other.caller(ProjectTestSupport.DEVELOPER), "production",
				new RequestDeployment.Input("1.0.0", null, null, "queue", null, false, null));
		assertThat(governed.approvalsRequired()).isEqualTo(2);
		assertThat(free.approvalsRequired()).isEqualTo(1);

		String settings = "/orgs/acme/projects/" + chosen.slug() + "/environments/production/deployment-settings";
		this.mvc.perform(get(settings).session(as(ProjectTestSupport.OWNER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("the organization&#39;s gate for production")))
			.andExpect(content().string(containsString("id=\"gate-locked\"")))
			.andExpect(content().string(not(containsString("id=\"save-policy\""))));
		this.mvc
			.perform(post(settings + "/approval-policy").session(as(ProjectTestSupport.OWNER))
				.with(csrf())
				.param("requiredApprovals", "0")
				.param("approvalValidHours", "72"))
			.andExpect(status().isConflict());
		this.mvc
			.perform(get("/orgs/acme/projects/" + other.slug() + "/environments/production/deployment-settings")
				.session(as(ProjectTestSupport.OWNER)))
			.andExpect(content().string(containsString("the default for its tier")));
	}

	@Test
	void lockedWindowsReplaceProductionsOwnAndItsWindowsPageSaysSo() throws Exception {
		DeploymentScenario chosen = scenario().project("org-windows");
		asOwner(API + "/windows", "{\"enabled\": true, \"rules\": {\"timeZone\": \"UTC\", \"blocks\": [{\"label\":"
				+ " \"Release train only on Wednesdays\", \"days\": [\"MONDAY\", \"TUESDAY\", \"THURSDAY\", \"FRIDAY\","
				+ " \"SATURDAY\", \"SUNDAY\"], \"from\": \"00:00\", \"to\": \"24:00\"}]}, \"projects\": [\""
				+ chosen.slug() + "\"], \"overridable\": false}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rules.blocks[0].label").value("Release train only on Wednesdays"));

		String windows = "/orgs/acme/projects/" + chosen.slug() + "/environments/production/windows";
		this.mvc.perform(get(windows).session(as(ProjectTestSupport.OWNER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"organization-windows\"")))
			.andExpect(content().string(containsString("Release train only on Wednesdays")))
			.andExpect(content().string(not(containsString("id=\"save-windows\""))));
		this.mvc
			.perform(put("/api/v1" + windows).session(as(ProjectTestSupport.OWNER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"timeZone\": \"UTC\"}"))
			.andExpect(status().isConflict());
	}

	@Test
	void onlyPolicyManagersSetThemAndTheirPageRefusesBadInputBesideTheField() throws Exception {
		this.mvc
			.perform(put(API + "/approval-gate").session(as(ProjectTestSupport.LEAD))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"enabled\": true, \"requiredApprovals\": 1, \"approverRoles\": [\"LEAD\"],"
						+ " \"approvalValidHours\": 72}"))
			.andExpect(status().isForbidden());
		asOwner(API + "/approval-gate",
				"{\"enabled\": true, \"requiredApprovals\": 1, \"approvalValidHours\": 72,"
						+ " \"approverRoles\": [\"LEAD\"], \"projects\": [\"no-such-project\"]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("projects"));
		this.mvc
			.perform(post("/orgs/acme/policies/approval-gate").session(as(ProjectTestSupport.OWNER))
				.with(csrf())
				.param("enabled", "true")
				.param("requiredApprovals", "12")
				.param("approvalValidHours", "72")
				.param("approverRoles", "LEAD"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"requiredApprovals-error\"")))
			.andExpect(content().string(containsString("value=\"12\"")));
		this.mvc.perform(get("/orgs/acme/policies").session(as(ProjectTestSupport.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"read-only-note\"")))
			.andExpect(content().string(not(containsString("id=\"save-gate\""))));
		this.mvc.perform(get(API + "/approval-gate").session(as(ProjectTestSupport.VIEWER)))
			.andExpect(jsonPath("$.enabled").value(false));
	}

	private ResultActions asOwner(String path, String json) throws Exception {
		return this.mvc.perform(put(path).session(as(ProjectTestSupport.OWNER))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

}
