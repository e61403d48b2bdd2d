package app.lockstep.web.deploy.api;

import java.time.Instant;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static app.lockstep.web.deploy.api.DeploymentApiClient.DEVELOPER;
import static app.lockstep.web.deploy.api.DeploymentApiClient.LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deployment windows at request time and at run time: "No Friday deploys" refuses or
 * queues, a queued deployment starts by itself when the window opens, a freeze added
 * after approval holds a scheduled deployment (its approvals stay valid), and the next
 * open instant is right across daylight-saving changes in America/New_York.
 */
@LockstepTest
class DeploymentApiWindowsTest extends ScenarioTestBase {

	/** A Friday in Paris: production's default "No Friday deploys" blocks it. */
	static final Instant FRIDAY = Instant.parse("2026-12-04T10:00:00Z");

	/** Monday 7 December 2026, 00:00 in Paris (CET). */
	static final Instant MONDAY_PARIS = Instant.parse("2026-12-06T23:00:00Z");

	static final Instant TUESDAY = Instant.parse("2026-12-01T10:00:00Z");

	static final String NEW_YORK_WEEKENDS = """
			{"timeZone": "America/New_York",
			 "blocks": [{"label": "No weekend deploys", "days": ["SATURDAY", "SUNDAY"], "from": "00:00", "to": "24:00"}],
			 "allowedHours": [], "freezes": []}""";

	DeploymentApiClient api;

	@BeforeEach
	void aProjectWithABuild() throws Exception {
		this.clock.pin(TUESDAY);
		this.api = DeploymentApiClient.forNewProject(this.context, "win-dep");
		this.api.artifact("1.0.0");
	}

	@Test
	void onAFridayRejectIs422WithTheRuleAndTheNextOpenInstant() throws Exception {
		this.clock.pin(FRIDAY);
		this.api.request(DEVELOPER, "production", "{\"artifact\": \"1.0.0\", \"whenBlocked\": \"reject\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.blockedBy").value("No Friday deploys"))
			.andExpect(jsonPath("$.nextOpenAt").value(MONDAY_PARIS.toString()))
			.andExpect(jsonPath("$.detail").value(containsString("No Friday deploys")))
			.andExpect(jsonPath("$.errors[0].field").value("scheduledAt"));
		// reject is the default
		this.api.request(DEVELOPER, "production", "{\"artifact\": \"1.0.0\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.blockedBy").value("No Friday deploys"));
		// A time in the open window is fine on a Friday.
		this.api
			.request(DEVELOPER, "production", "{\"artifact\": \"1.0.0\", \"scheduledAt\": \"2026-12-08T09:00:00Z\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.blockedBy").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.status").value("awaiting_approval"));
	}

	@Test
	void onAFridayQueueWaitsForApprovalThenForTheWindowAndStartsWhenItOpens() throws Exception {
		this.clock.pin(FRIDAY);
		String id = JsonPath
			.read(this.api.request(DEVELOPER, "production", "{\"artifact\": \"1.0.0\", \"whenBlocked\": \"queue\"}")
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("awaiting_approval"))
				.andExpect(jsonPath("$.blockedBy").value("No Friday deploys"))
				.andExpect(jsonPath("$.nextOpenAt").value(MONDAY_PARIS.toString()))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
		this.api.approve(LEAD, "production", id)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("waiting_for_window"))
			.andExpect(jsonPath("$.nextOpenAt").value(MONDAY_PARIS.toString()));
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("waiting_for_window");
		this.clock.pin(Instant.parse("2026-12-06T22:59:59Z"));
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("waiting_for_window");
		this.clock.pin(MONDAY_PARIS.plusSeconds(5));
		this.api.runOnce();
		String running = this.api.read("production", id);
		assertThat(JsonPath.<String>read(running, "$.status")).isEqualTo("running");
		assertThat(JsonPath.<String>read(running, "$.startedAt")).isEqualTo(MONDAY_PARIS.plusSeconds(5).toString());
	}

	@Test
	void withoutApprovalsAQueuedRequestWaitsForTheWindowRightAway() throws Exception {
		this.api.policy("production", """
				{"requiredApprovals": 0, "approverRoles": ["LEAD"], "allowSelfApproval": false,
				 "approvalValidHours": 72}""");
		this.clock.pin(FRIDAY);
		String id = JsonPath
			.read(this.api.request(DEVELOPER, "production", "{\"artifact\": \"1.0.0\", \"whenBlocked\": \"queue\"}")
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("waiting_for_window"))
				.andExpect(jsonPath("$.nextOpenAt").value(MONDAY_PARIS.toString()))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("waiting_for_window");
		this.clock.pin(MONDAY_PARIS);
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("running");
	}

	@Test
	void aFreezeAddedAfterApprovalHoldsTheDeploymentUntilItEnds() throws Exception {
		String id = JsonPath.read(this.api.requested(DEVELOPER, "production",
				"{\"artifact\": \"1.0.0\", \"scheduledAt\": \"2026-12-02T09:00:00Z\"}"), "$.id");
		this.api.approve(LEAD, "production", id)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("scheduled"))
			.andExpect(jsonPath("$.dueAt").value("2026-12-02T09:00:00Z"));
		this.api.windows("production",
				"""
						{"timeZone": "Europe/Paris",
						 "blocks": [{"label": "No Friday deploys", "days": ["FRIDAY"], "from": "00:00", "to": "24:00"}],
						 "allowedHours": [],
						 "freezes": [{"start": "2026-12-02T00:00:00Z", "end": "2026-12-03T00:00:00Z", "reason": "Release freeze"}]}""");
		this.clock.pin(Instant.parse("2026-12-02T09:00:30Z"));
		this.api.runOnce();
		String held = this.api.read("production", id);
		assertThat(JsonPath.<String>read(held, "$.status")).isEqualTo("waiting_for_window");
		assertThat(JsonPath.<String>read(held, "$.blockedBy")).isEqualTo("Release freeze");
		assertThat(JsonPath.<String>read(held, "$.nextOpenAt")).isEqualTo("2026-12-03T00:00:00Z");
		assertThat(JsonPath.<Integer>read(held, "$.approvalsGiven")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(held, "$.requestVersion")).isEqualTo(1);
		this.clock.pin(Instant.parse("2026-12-02T23:59:59Z"));
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("waiting_for_window");
		this.clock.pin(Instant.parse("2026-12-03T00:00:01Z"));
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("running");
		assertThat(this.api.audit("deployment.waiting_for_window")).hasSize(1);
		assertThat(this.api.audit("deployment.started")).hasSize(1);
	}

	@Test
	void movingARejectRequestIntoABlockIsRefusedLikeTheRequest() throws Exception {
		String id = JsonPath.read(this.api.requested(DEVELOPER, "production",
				"{\"artifact\": \"1.0.0\", \"scheduledAt\": \"2026-12-02T09:00:00Z\"}"), "$.id");
		this.api.change(DEVELOPER, "production", id, "{\"scheduledAt\": \"2026-12-04T09:00:00Z\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.blockedBy").value("No Friday deploys"))
			.andExpect(jsonPath("$.nextOpenAt").value(MONDAY_PARIS.toString()));
		String unchanged = this.api.read("production", id);
		assertThat(JsonPath.<String>read(unchanged, "$.scheduledAt")).isEqualTo("2026-12-02T09:00:00Z");
		assertThat(JsonPath.<Integer>read(unchanged, "$.requestVersion")).isEqualTo(1);
	}

	@Test
	void theNextOpenInstantIsRightWhenNewYorkSpringsForward() throws Exception {
		this.api.windows("production", NEW_YORK_WEEKENDS);
		this.api.policy("production", """
				{"requiredApprovals": 0, "approverRoles": ["LEAD"], "allowSelfApproval": false,
				 "approvalValidHours": 72}""");
		// Saturday 7 March 2026; clocks go forward on Sunday 8 March: Monday 00:00 is
		// EDT.
		this.clock.pin(Instant.parse("2026-03-07T15:00:00Z"));
		this.api.request(DEVELOPER, "production", "{\"artifact\": \"1.0.0\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.blockedBy").value("No weekend deploys"))
			.andExpect(jsonPath("$.nextOpenAt").value("2026-03-09T04:00:00Z"));
		String id = JsonPath.read(
				this.api.requested(DEVELOPER, "production", "{\"artifact\": \"1.0.0\", \"whenBlocked\": \"queue\"}"),
				"$.id");
		assertThat(JsonPath.<String>read(this.api.read("production", id), "$.nextOpenAt"))
			.isEqualTo("2026-03-09T04:00:00Z");
		this.clock.pin(Instant.parse("2026-03-09T03:59:00Z"));
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("waiting_for_window");
		this.clock.pin(Instant.parse("2026-03-09T04:00:10Z"));
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("running");
	}

	@Test
	void theNextOpenInstantIsRightWhenNewYorkFallsBack() throws Exception {
		this.api.windows("production", NEW_YORK_WEEKENDS);
		this.api.policy("production", """
				{"requiredApprovals": 0, "approverRoles": ["LEAD"], "allowSelfApproval": false,
				 "approvalValidHours": 72}""");
		// Saturday 31 October 2026; clocks go back on Sunday 1 November: Monday 00:00 is
		// EST.
		this.clock.pin(Instant.parse("2026-10-31T15:00:00Z"));
		String id = JsonPath
			.read(this.api.request(DEVELOPER, "production", "{\"artifact\": \"1.0.0\", \"whenBlocked\": \"queue\"}")
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("waiting_for_window"))
				.andExpect(jsonPath("$.blockedBy").value("No weekend deploys"))
				.andExpect(jsonPath("$.nextOpenAt").value("2026-11-02T05:00:00Z"))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
		// 04:30Z is Sunday 23:30 EST: still the weekend.
		this.clock.pin(Instant.parse("2026-11-02T04:30:00Z"));
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("waiting_for_window");
		this.clock.pin(Instant.parse("2026-11-02T05:00:00Z"));
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("running");
	}

}
