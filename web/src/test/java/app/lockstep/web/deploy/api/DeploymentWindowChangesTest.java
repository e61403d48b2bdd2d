package app.lockstep.web.deploy.api;

import java.time.Duration;
import java.time.Instant;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static app.lockstep.web.deploy.api.DeploymentApiClient.DEVELOPER;
import static app.lockstep.web.deploy.api.DeploymentApiClient.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Deployments waiting for a window follow the windows as they change, on the pinned
 * clock: a freeze lifted early (an environment's, or the organization's) lets the waiting
 * deployment start at the next scheduler poll, a freeze shortened moves its next open
 * instant at once, and a window that closes again before the poll holds it again.
 */
@LockstepTest
class DeploymentWindowChangesTest extends ScenarioTestBase {

	static final Instant TUESDAY = Instant.parse("2026-12-01T10:00:00Z");

	DeploymentApiClient api;

	@BeforeEach
	void aProjectWithABuild() throws Exception {
		this.clock.pin(TUESDAY);
		this.api = DeploymentApiClient.forNewProject(this.context, "win-chg");
		this.api.artifact("1.0.0");
	}

	@Test
	void aFreezeLiftedEarlyStartsTheWaitingDeploymentAtTheNextPoll() throws Exception {
		this.api.windows("staging", rules(freeze("2026-12-01T00:00:00Z", "2026-12-05T00:00:00Z", "Release freeze")));
		String id = queued("staging");
		assertThat(this.api.status("staging", id)).isEqualTo("waiting_for_window");
		this.api.runOnce();
		assertThat(this.api.status("staging", id)).isEqualTo("waiting_for_window");

		this.clock.advance(Duration.ofMinutes(10));
		this.api.windows("staging", rules(""));
		String decided = this.api.read("staging", id);
		assertThat(JsonPath.<String>read(decided, "$.status")).isEqualTo("scheduled");
		assertThat(JsonPath.<String>read(decided, "$.dueAt"))
			.isEqualTo(TUESDAY.plus(Duration.ofMinutes(10)).toString());

		this.api.runOnce();
		String running = this.api.read("staging", id);
		assertThat(JsonPath.<String>read(running, "$.status")).isEqualTo("running");
		assertThat(JsonPath.<String>read(running, "$.startedAt"))
			.isEqualTo(TUESDAY.plus(Duration.ofMinutes(10)).toString());
		assertThat(this.api.audit("deployment.scheduled")).hasSize(1)
			.allSatisfy((event) -> assertThat(JsonPath.<String>read(event, "$.actor.name")).isEqualTo("Olivia Owner"));
	}

	@Test
	void aShortenedFreezeMovesTheNextOpenInstantAndAWindowThatClosesAgainHoldsItAgain() throws Exception {
		this.api.windows("staging", rules(freeze("2026-12-01T00:00:00Z", "2026-12-05T00:00:00Z", "Release freeze")));
		String id = queued("staging");
		assertThat(JsonPath.<String>read(this.api.read("staging", id), "$.nextOpenAt"))
			.isEqualTo("2026-12-05T00:00:00Z");

		// Shortened: still closed now, open sooner.
		this.api.windows("staging", rules(freeze("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", "Short freeze")));
		String moved = this.api.read("staging", id);
		assertThat(JsonPath.<String>read(moved, "$.status")).isEqualTo("waiting_for_window");
		assertThat(JsonPath.<String>read(moved, "$.blockedBy")).isEqualTo("Short freeze");
		assertThat(JsonPath.<String>read(moved, "$.nextOpenAt")).isEqualTo("2026-12-02T00:00:00Z");

		// Lifted, then closed again before the scheduler polls: it waits again.
		this.api.windows("staging", rules(""));
		assertThat(this.api.status("staging", id)).isEqualTo("scheduled");
		this.api.windows("staging", rules(freeze("2026-12-01T00:00:00Z", "2026-12-03T00:00:00Z", "Incident")));
		this.api.runOnce();
		String held = this.api.read("staging", id);
		assertThat(JsonPath.<String>read(held, "$.status")).isEqualTo("waiting_for_window");
		assertThat(JsonPath.<String>read(held, "$.blockedBy")).isEqualTo("Incident");
		assertThat(JsonPath.<String>read(held, "$.nextOpenAt")).isEqualTo("2026-12-03T00:00:00Z");

		this.clock.pin(Instant.parse("2026-12-03T00:00:01Z"));
		this.api.runOnce();
		assertThat(this.api.status("staging", id)).isEqualTo("running");
	}

	@Test
	void unchangedWindowsDecideNothingAgain() throws Exception {
		this.api.windows("staging", rules(freeze("2026-12-01T00:00:00Z", "2026-12-05T00:00:00Z", "Release freeze")));
		String id = queued("staging");
		int events = this.api.audit("deployment.waiting_for_window").size();
		// Another freeze later on changes nothing for this deployment: no new event.
		this.api.windows("staging", rules(freeze("2026-12-01T00:00:00Z", "2026-12-05T00:00:00Z", "Release freeze")
				+ ", " + freeze("2027-01-01T00:00:00Z", "2027-01-02T00:00:00Z", "New year")));
		assertThat(this.api.status("staging", id)).isEqualTo("waiting_for_window");
		assertThat(this.api.audit("deployment.waiting_for_window")).hasSize(events);
		assertThat(this.api.audit("deployment.scheduled")).isEmpty();
	}

	@Test
	void anOrganizationFreezeLiftedEarlyStartsWaitingProductionDeploymentsAtTheNextPoll() throws Exception {
		this.api.policy("production", """
				{"requiredApprovals": 0, "approverRoles": ["LEAD"], "allowSelfApproval": false,
				 "approvalValidHours": 72}""");
		MvcResult added = this.mvc
			.perform(post("/api/v1/orgs/acme/freezes").session(this.api.as(OWNER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(freeze("2026-12-01T09:00:00Z", "2026-12-04T00:00:00Z", "Audit week")))
			.andReturn();
		assertThat(added.getResponse().getStatus()).isEqualTo(201);
		String freeze = "/api/v1/orgs/acme/freezes/" + JsonPath.read(added.getResponse().getContentAsString(), "$.id");
		boolean removed = false;
		try {
			String id = queued("production");
			String waiting = this.api.read("production", id);
			assertThat(JsonPath.<String>read(waiting, "$.status")).isEqualTo("waiting_for_window");
			// The freeze ends early on Friday: "No Friday deploys" holds it until Monday,
			// not the freeze (issue 15, defect 15).
			assertThat(JsonPath.<String>read(waiting, "$.blockedBy")).isEqualTo("No Friday deploys");
			this.api.runOnce();
			assertThat(this.api.status("production", id)).isEqualTo("waiting_for_window");

			this.clock.advance(Duration.ofMinutes(5));
			assertThat(this.mvc.perform(delete(freeze).session(this.api.as(OWNER)).with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(204);
			removed = true;
			assertThat(this.api.status("production", id)).isEqualTo("scheduled");
			this.api.runOnce();
			assertThat(this.api.status("production", id)).isEqualTo("running");
		}
		finally {
			if (!removed) {
				this.mvc.perform(delete(freeze).session(this.api.as(OWNER)).with(csrf()));
			}
		}
	}

	private String queued(String environment) throws Exception {
		return JsonPath.read(
				this.api.requested(DEVELOPER, environment, "{\"artifact\": \"1.0.0\", \"whenBlocked\": \"queue\"}"),
				"$.id");
	}

	private static String rules(String freezes) {
		return "{\"timeZone\": \"UTC\", \"blocks\": [], \"allowedHours\": [], \"freezes\": [" + freezes + "]}";
	}

	private static String freeze(String start, String end, String reason) {
		return "{\"start\": \"" + start + "\", \"end\": \"" + end + "\", \"reason\": \"" + reason + "\"}";
	}

}
