package app.lockstep.web.deploy.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static app.lockstep.web.deploy.api.DeploymentApiClient.AUDITOR;
import static app.lockstep.web.deploy.api.DeploymentApiClient.DEVELOPER;
import static app.lockstep.web.deploy.api.DeploymentApiClient.GLOBEX_OWNER;
import static app.lockstep.web.deploy.api.DeploymentApiClient.LEAD;
import static app.lockstep.web.deploy.api.DeploymentApiClient.OWNER;
import static app.lockstep.web.deploy.api.DeploymentApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Approval gates through the API: who may decide, self-approval, rejection with a
 * comment, approvals bound to exactly what they approved (voided by a PATCH), expiry and
 * more than one approval from different people.
 */
@LockstepTest
class DeploymentApiApprovalsTest extends ScenarioTestBase {

	static final Instant TUESDAY = Instant.parse("2026-12-01T10:00:00Z");

	/** Production's gate: two approvals from leads or owners, none by the requester. */
	static final String TWO_APPROVALS = """
			{"requiredApprovals": 2, "approverRoles": ["LEAD", "OWNER"], "allowSelfApproval": false,
			 "approvalValidHours": 72}""";

	DeploymentApiClient api;

	@BeforeEach
	void aProjectWithABuild() throws Exception {
		this.clock.pin(TUESDAY);
		this.api = DeploymentApiClient.forNewProject(this.context, "appr");
		this.api.artifact("1.0.0");
		this.api.artifact("1.1.0");
		this.api.config("production", "info");
	}

	String requestAsDeveloper() throws Exception {
		return JsonPath.read(this.api.requested(DEVELOPER, "production", "{\"artifact\": \"1.0.0\"}"), "$.id");
	}

	@Test
	void aLeadApprovesAndTheDeploymentIsScheduled() throws Exception {
		String id = requestAsDeveloper();
		this.api.approve(LEAD, "production", id)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("scheduled"))
			.andExpect(jsonPath("$.approvalsGiven").value(1))
			.andExpect(jsonPath("$.approvals[0].decision").value("approve"))
			.andExpect(jsonPath("$.approvals[0].role").value("LEAD"))
			.andExpect(jsonPath("$.approvals[0].counts").value(true))
			.andExpect(jsonPath("$.approvals[0].selfApproved").value(false))
			.andExpect(jsonPath("$.dueAt").value(TUESDAY.toString()));
		this.api.approve(OWNER, "production", id)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentStatus").value("scheduled"));
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("running");
	}

	@Test
	void theRequesterMayNotApproveUnlessTheGateAllowsItAndThenItIsMarked() throws Exception {
		String own = JsonPath.read(this.api.requested(LEAD, "production", "{\"artifact\": \"1.0.0\"}"), "$.id");
		this.api.approve(LEAD, "production", own)
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("your own request")));
		assertThat(this.api.status("production", own)).isEqualTo("awaiting_approval");
		this.api.policy("production", """
				{"requiredApprovals": 1, "approverRoles": ["LEAD", "OWNER"], "allowSelfApproval": true,
				 "approvalValidHours": 72}""");
		this.api.approve(LEAD, "production", own)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("scheduled"))
			.andExpect(jsonPath("$.approvals[0].selfApproved").value(true));
		List<Map<String, Object>> approved = this.api.audit("deployment.approved");
		assertThat(approved).singleElement().satisfies((event) -> {
			assertThat(event.get("target").toString()).contains(own);
			assertThat(((Map<?, ?>) event.get("details")).get("selfApproved")).isEqualTo(true);
		});
	}

	@Test
	void rolesOutsideTheGateAndOtherOrganizationsMayNotDecide() throws Exception {
		String id = requestAsDeveloper();
		this.api.approve(DEVELOPER, "production", id).andExpect(status().isForbidden());
		this.api.approve(VIEWER, "production", id).andExpect(status().isForbidden());
		this.api.approve(AUDITOR, "production", id).andExpect(status().isForbidden());
		this.api.approve(GLOBEX_OWNER, "production", id).andExpect(status().isNotFound());
		this.api.policy("production", """
				{"requiredApprovals": 1, "approverRoles": ["OWNER"], "allowSelfApproval": false,
				 "approvalValidHours": 72}""");
		this.api.approve(LEAD, "production", id)
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("owners")));
		this.api.decide(OWNER, "production", id, "maybe", null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("decision"));
		assertThat(this.api.status("production", id)).isEqualTo("awaiting_approval");
		this.api.approve(OWNER, "production", id)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("scheduled"));
	}

	@Test
	void aRejectionNeedsACommentAndEndsTheRequest() throws Exception {
		String id = requestAsDeveloper();
		this.api.decide(LEAD, "production", id, "reject", null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		this.api.decide(LEAD, "production", id, "reject", "   ").andExpect(status().isUnprocessableContent());
		assertThat(this.api.status("production", id)).isEqualTo("awaiting_approval");
		this.api.decide(LEAD, "production", id, "reject", "Not during the sale")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("rejected"))
			.andExpect(jsonPath("$.approvals[0].decision").value("reject"))
			.andExpect(jsonPath("$.approvals[0].comment").value("Not during the sale"));
		this.api.approve(OWNER, "production", id)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentStatus").value("rejected"));
		this.api.decide(OWNER, "production", id, "reject", "me too")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentStatus").value("rejected"));
		this.api.cancel(DEVELOPER, "production", id)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentStatus").value("rejected"));
		this.api.change(DEVELOPER, "production", id, "{\"artifact\": \"1.1.0\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentStatus").value("rejected"));
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("rejected");
	}

	@Test
	void changingWhatOrWhenVoidsTheApprovalsVisibly() throws Exception {
		this.api.policy("production", TWO_APPROVALS);
		String id = requestAsDeveloper();
		this.api.approve(LEAD, "production", id)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("awaiting_approval"))
			.andExpect(jsonPath("$.approvalsGiven").value(1));
		int revision = this.api.config("production", "debug");
		this.api.change(DEVELOPER, "production", id, "{\"configRevision\": " + revision + "}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("awaiting_approval"))
			.andExpect(jsonPath("$.configRevision").value(revision))
			.andExpect(jsonPath("$.requestVersion").value(2))
			.andExpect(jsonPath("$.approvalsGiven").value(0))
			.andExpect(jsonPath("$.approvals[0].voided").value(true))
			.andExpect(jsonPath("$.approvals[0].counts").value(false));
		// The same lead may approve the new version; one more approval still needed.
		this.api.approve(LEAD, "production", id)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.approvalsGiven").value(1));
		this.api.change(DEVELOPER, "production", id, "{\"artifact\": \"1.1.0\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.artifact.version").value("1.1.0"))
			.andExpect(jsonPath("$.approvalsGiven").value(0));
		this.api.approve(LEAD, "production", id).andExpect(status().isCreated());
		this.api.approve(OWNER, "production", id)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("scheduled"))
			.andExpect(jsonPath("$.approvalsGiven").value(2));
		// A scheduled (approved) request that moves in time goes back to the gate.
		this.api.change(DEVELOPER, "production", id, "{\"scheduledAt\": \"2026-12-02T09:00:00Z\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("awaiting_approval"))
			.andExpect(jsonPath("$.scheduledAt").value("2026-12-02T09:00:00Z"))
			.andExpect(jsonPath("$.approvalsGiven").value(0))
			.andExpect(jsonPath("$.approvals.length()").value(4));
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("awaiting_approval");
		// The same values again change nothing.
		this.api.change(DEVELOPER, "production", id, "{\"scheduledAt\": \"2026-12-02T09:00:00Z\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.requestVersion").value(4));
		assertThat(this.api.audit("deployment.changed")).hasSize(3);
	}

	/**
	 * An approval given while the request gathers the others lapses after the gate's
	 * hours; its giver may renew it (once it has expired, not before).
	 */
	@Test
	void approvalsExpire() throws Exception {
		this.api.policy("production", """
				{"requiredApprovals": 2, "approverRoles": ["LEAD", "OWNER"], "allowSelfApproval": false,
				 "approvalValidHours": 1}""");
		String id = requestAsDeveloper();
		this.api.approve(LEAD, "production", id)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.approvals[0].expiresAt").value("2026-12-01T11:00:00Z"));
		this.clock.advance(Duration.ofMinutes(61));
		this.api.approve(OWNER, "production", id)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("awaiting_approval"))
			.andExpect(jsonPath("$.approvalsGiven").value(1))
			.andExpect(jsonPath("$.approvals[0].expired").value(true))
			.andExpect(jsonPath("$.approvals[0].counts").value(false))
			.andExpect(jsonPath("$.approvals[1].counts").value(true));
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("awaiting_approval");
		this.api.approve(OWNER, "production", id).andExpect(status().isConflict());
		this.api.approve(LEAD, "production", id)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.approvals[2].counts").value(true))
			.andExpect(jsonPath("$.approvalsGiven").value(2))
			.andExpect(jsonPath("$.status").value("scheduled"));
	}

	@Test
	void twoApprovalsNeedTwoDifferentPeople() throws Exception {
		this.api.policy("production", TWO_APPROVALS);
		String id = requestAsDeveloper();
		this.api.approve(LEAD, "production", id)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("awaiting_approval"))
			.andExpect(jsonPath("$.approvalsRequired").value(2))
			.andExpect(jsonPath("$.approvalsGiven").value(1));
		this.api.approve(LEAD, "production", id).andExpect(status().isConflict());
		assertThat(JsonPath.<Integer>read(this.api.read("production", id), "$.approvalsGiven")).isEqualTo(1);
		this.api.approve(OWNER, "production", id)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("scheduled"))
			.andExpect(jsonPath("$.approvalsGiven").value(2));
		assertThat(this.api.audit("deployment.scheduled")).hasSize(1);
	}

}
