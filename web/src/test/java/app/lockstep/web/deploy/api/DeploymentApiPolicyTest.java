package app.lockstep.web.deploy.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static app.lockstep.web.deploy.api.DeploymentApiClient.DEVELOPER;
import static app.lockstep.web.deploy.api.DeploymentApiClient.GLOBEX_OWNER;
import static app.lockstep.web.deploy.api.DeploymentApiClient.LEAD;
import static app.lockstep.web.deploy.api.DeploymentApiClient.OWNER;
import static app.lockstep.web.deploy.api.DeploymentApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * GET and PUT of an environment's approval policy and deploy target: defaults, bad input
 * as 422 field by field with nothing saved, who may change them, and a webhook secret
 * that is never returned or audited.
 */
@LockstepTest
class DeploymentApiPolicyTest extends ScenarioTestBase {

	static final String SECRET = "s3cr3t-Signing-Key-0123456789";

	DeploymentApiClient api;

	@BeforeEach
	void aProject() throws Exception {
		this.clock.pin(Instant.parse("2026-12-01T10:00:00Z"));
		this.api = DeploymentApiClient.forNewProject(this.context, "pol");
	}

	@Test
	void theDefaultGateAndASavedOne() throws Exception {
		this.mvc.perform(get(this.api.environmentUrl("production") + "/approval-policy").session(this.api.as(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.requiredApprovals").value(1))
			.andExpect(jsonPath("$.approverRoles", contains("OWNER", "ADMIN", "LEAD")))
			.andExpect(jsonPath("$.allowSelfApproval").value(false))
			.andExpect(jsonPath("$.approvalValidHours").value(72))
			.andExpect(jsonPath("$.default").value(true));
		this.mvc.perform(get(this.api.environmentUrl("staging") + "/approval-policy").session(this.api.as(VIEWER)))
			.andExpect(jsonPath("$.requiredApprovals").value(0));
		this.api.putPolicy(OWNER, "production", """
				{"requiredApprovals": 2, "approverRoles": ["lead", "OWNER"], "allowSelfApproval": true,
				 "approvalValidHours": 24, "requiresSuccessIn": "staging"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.requiredApprovals").value(2))
			.andExpect(jsonPath("$.approverRoles", contains("OWNER", "LEAD")))
			.andExpect(jsonPath("$.allowSelfApproval").value(true))
			.andExpect(jsonPath("$.approvalValidHours").value(24))
			.andExpect(jsonPath("$.requiresSuccessIn").value("staging"))
			.andExpect(jsonPath("$.default").value(false));
		List<Map<String, Object>> events = this.api.audit("approval_policy.updated");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("environment")).isEqualTo("production");
	}

	@Test
	void aBadGateIs422FieldByFieldAndNothingIsSaved() throws Exception {
		this.api.putPolicy(OWNER, "production", """
				{"requiredApprovals": 11, "approverRoles": ["VIEWER", "KING"], "approvalValidHours": 0,
				 "requiresSuccessIn": "nowhere"}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem("requiredApprovals")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("approverRoles")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("approvalValidHours")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("requiresSuccessIn")));
		this.api.putPolicy(OWNER, "production", """
				{"requiredApprovals": 1, "approverRoles": [], "approvalValidHours": 72,
				 "requiresSuccessIn": "production"}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("approverRoles")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("requiresSuccessIn")));
		this.api.putPolicy(OWNER, "production", "{}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("requiredApprovals")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("approvalValidHours")));
		this.mvc.perform(get(this.api.environmentUrl("production") + "/approval-policy").session(this.api.as(OWNER)))
			.andExpect(jsonPath("$.default").value(true))
			.andExpect(jsonPath("$.requiredApprovals").value(1));
		assertThat(this.api.audit("approval_policy.updated")).isEmpty();
	}

	@Test
	void onlyThoseWhoManagePoliciesChangeThemAndOtherOrganizationsSeeNothing() throws Exception {
		String body = """
				{"requiredApprovals": 0, "approverRoles": ["LEAD"], "approvalValidHours": 72}""";
		for (String email : List.of(LEAD, DEVELOPER, VIEWER)) {
			this.api.putPolicy(email, "production", body).andExpect(status().isForbidden());
			this.api.putTarget(email, "production", "{\"type\": \"manual\"}").andExpect(status().isForbidden());
		}
		this.api.putPolicy(GLOBEX_OWNER, "production", body).andExpect(status().isNotFound());
		this.mvc
			.perform(get(this.api.environmentUrl("production") + "/deploy-target").session(this.api.as(GLOBEX_OWNER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(this.api.environmentUrl("nowhere") + "/approval-policy").session(this.api.as(OWNER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aWebhookTargetNeedsAUrlAndASecretThatIsNeverShownOrAudited() throws Exception {
		this.mvc.perform(get(this.api.environmentUrl("production") + "/deploy-target").session(this.api.as(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("manual"))
			.andExpect(jsonPath("$.secretSet").value(false))
			.andExpect(jsonPath("$.timeoutMinutes").value(60));
		this.api.putTarget(OWNER, "production", "{\"type\": \"webhook\", \"url\": \"https://deployer.example.com/h\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", contains("secret")));
		this.api.putTarget(OWNER, "production", "{\"type\": \"webhook\", \"secret\": \"" + SECRET + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", contains("url")));
		this.api
			.putTarget(OWNER, "production",
					"{\"type\": \"webhook\", \"url\": \"ftp://x\", \"secret\": \"short\", \"timeoutMinutes\": 0}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("url")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("secret")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("timeoutMinutes")))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("short\""))));
		this.api.putTarget(OWNER, "production", "{\"type\": \"carrier-pigeon\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("type"));
		String saved = this.api
			.putTarget(OWNER, "production",
					"{\"type\": \"webhook\", \"url\": \"https://deployer.example.com/h\"," + " \"secret\": \"" + SECRET
							+ "\", \"timeoutMinutes\": 15}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("webhook"))
			.andExpect(jsonPath("$.url").value("https://deployer.example.com/h"))
			.andExpect(jsonPath("$.secretSet").value(true))
			.andExpect(jsonPath("$.secret").doesNotExist())
			.andExpect(jsonPath("$.timeoutMinutes").value(15))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(saved).doesNotContain(SECRET);
		// Leaving the secret out keeps it.
		this.api.putTarget(OWNER, "production", "{\"type\": \"webhook\", \"url\": \"https://deployer.example.com/v2\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.secretSet").value(true));
		String read = this.mvc
			.perform(get(this.api.environmentUrl("production") + "/deploy-target").session(this.api.as(OWNER)))
			.andExpect(jsonPath("$.url").value("https://deployer.example.com/v2"))
			.andExpect(jsonPath("$.secretSet").value(true))
			.andExpect(jsonPath("$.secret").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(read).doesNotContain(SECRET);
		List<Map<String, Object>> events = this.api.audit("deploy_target.updated");
		assertThat(events).hasSize(2);
		assertThat(events.toString()).doesNotContain(SECRET).contains("secretChanged");
		// Back to manual: the secret goes with the webhook.
		this.api.putTarget(OWNER, "production", "{\"type\": \"manual\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.secretSet").value(false))
			.andExpect(jsonPath("$.url").value(nullValue()));
	}

}
