package app.lockstep.web.deploy.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.shared.Actor;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import app.lockstep.web.token.TokenTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static app.lockstep.web.deploy.api.DeploymentApiClient.DEVELOPER;
import static app.lockstep.web.deploy.api.DeploymentApiClient.GLOBEX_OWNER;
import static app.lockstep.web.deploy.api.DeploymentApiClient.LEAD;
import static app.lockstep.web.deploy.api.DeploymentApiClient.OWNER;
import static app.lockstep.web.deploy.api.DeploymentApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Requesting deployments through the JSON API (defaults, validation, who may), promotion,
 * the status transitions with the deployer's reports and timeouts, break-glass and its
 * review, and "redeploy previous". The clock is pinned on a Tuesday morning, when the
 * default windows of production are open.
 */
@LockstepTest
class DeploymentApiTest extends ScenarioTestBase {

	static final Instant TUESDAY = Instant.parse("2026-12-01T10:00:00Z");

	static final Instant FRIDAY = Instant.parse("2026-12-04T10:00:00Z");

	@Autowired
	ReadAuditLog readAuditLog;

	DeploymentApiClient api;

	@BeforeEach
	void aProjectOnATuesday() throws Exception {
		this.clock.pin(TUESDAY);
		this.api = DeploymentApiClient.forNewProject(this.context, "dep");
	}

	@Test
	void aRequestIs201WithItsGateAndDefaultsToTheLatestRevision() throws Exception {
		this.api.artifact("1.0.0");
		this.api.config("production", "info");
		int latest = this.api.config("production", "debug");
		this.api.request(DEVELOPER, "production", "{\"artifact\": \"1.0.0\", \"note\": \"first\"}")
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/deployments/")))
			.andExpect(jsonPath("$.id").isString())
			.andExpect(jsonPath("$.status").value("awaiting_approval"))
			.andExpect(jsonPath("$.approvalsRequired").value(1))
			.andExpect(jsonPath("$.approvalsGiven").value(0))
			.andExpect(jsonPath("$.nextOpenAt").value(nullValue()))
			.andExpect(jsonPath("$.artifact.version").value("1.0.0"))
			.andExpect(jsonPath("$.configRevision").value(latest))
			.andExpect(jsonPath("$.note").value("first"))
			.andExpect(jsonPath("$.requestedBy.type").value("user"));
		this.api.request(DEVELOPER, "staging", "{\"artifact\": \"1.0.0\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("scheduled"))
			.andExpect(jsonPath("$.approvalsRequired").value(0))
			.andExpect(jsonPath("$.configRevision").value(nullValue()));
	}

	@Test
	void theArtifactDefaultsToTheLiveOneAndNothingLiveIs422() throws Exception {
		this.api.artifact("1.0.0");
		this.api.request(DEVELOPER, "staging", "{}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("artifact"))
			.andExpect(jsonPath("$.detail").value(containsString("Nothing is deployed on staging")));
		this.api.deploySuccessfully("staging", "1.0.0");
		int revision = this.api.config("staging", "warn");
		this.api.request(DEVELOPER, "staging", "{\"note\": \"config only\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.artifact.version").value("1.0.0"))
			.andExpect(jsonPath("$.configRevision").value(revision))
			.andExpect(jsonPath("$.status").value("scheduled"));
	}

	@Test
	void unknownArtifactsRevisionsAndBadTimesAre422NamingTheField() throws Exception {
		this.api.artifact("1.0.0");
		this.api.config("production", "info");
		this.api.request(DEVELOPER, "production", "{\"artifact\": \"9.9.9\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("artifact"))
			.andExpect(jsonPath("$.detail").value(containsString("9.9.9")));
		this.api.request(DEVELOPER, "production", "{\"artifact\": \"1.0.0\", \"configRevision\": 42}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("configRevision"))
			.andExpect(jsonPath("$.detail").value(containsString("its latest is 1")));
		this.api.request(DEVELOPER, "production", "{\"artifact\": \"1.0.0\", \"scheduledAt\": \"tomorrow at nine\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("scheduledAt"));
		this.api
			.request(DEVELOPER, "production", "{\"artifact\": \"1.0.0\", \"scheduledAt\": \"2026-11-30T09:00:00Z\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("scheduledAt"))
			.andExpect(jsonPath("$.detail").value(containsString("has passed")));
		this.api.request(DEVELOPER, "production", "{\"artifact\": \"1.0.0\", \"whenBlocked\": \"maybe\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("whenBlocked"));
		this.api
			.request(DEVELOPER, "production",
					"{\"artifact\": \"1.0.0\", \"scheduledAt\": \"2026-12-02T09:00:00+01:00\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.scheduledAt").value("2026-12-02T08:00:00Z"));
		assertThat(JsonPath.<Integer>read(this.api.list("production"), "$.deployments.length()")).isEqualTo(1);
	}

	@Test
	void whoMayRequest() throws Exception {
		this.api.artifact("1.0.0");
		String body = "{\"artifact\": \"1.0.0\"}";
		this.api.request(VIEWER, "production", body)
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.api.request(GLOBEX_OWNER, "production", body).andExpect(status().isNotFound());
		String readOnly = TokenTestSupport.secret(this.mvc, DEVELOPER, "config:read");
		this.mvc
			.perform(post(this.api.deployments("production")).with(TokenTestSupport.bearer(readOnly))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("deployments:write")));
		this.mvc.perform(post(this.api.deployments("production")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// A signed-in session without the CSRF header is refused, not treated as
		// anonymous.
		this.mvc
			.perform(post(this.api.deployments("production")).session(this.api.as(OWNER))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		String writer = TokenTestSupport.secret(this.mvc, DEVELOPER, "deployments:write", "config:read");
		String created = this.mvc
			.perform(post(this.api.deployments("production")).with(TokenTestSupport.bearer(writer))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.requestedBy.type").value("token"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(created, "$.id");
		this.mvc.perform(get(this.api.deployment("production", id)).with(TokenTestSupport.bearer(readOnly)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id));
		this.mvc.perform(get(this.api.deployment("production", id)).session(this.api.as(GLOBEX_OWNER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(this.api.deployment("staging", id)).session(this.api.as(OWNER)))
			.andExpect(status().isNotFound());
		assertThat(JsonPath.<Integer>read(this.api.list("production"), "$.deployments.length()")).isEqualTo(1);
	}

	/**
	 * One rule names the actor of whatever a token does: the token (its id, and its
	 * creator's name with the token's), for a config save as for a deployment request.
	 */
	@Test
	void aTokensConfigSaveAndDeploymentRequestNameTheTokenAlike() throws Exception {
		this.api.artifact("1.0.0");
		String created = TokenTestSupport.create(this.mvc, DEVELOPER,
				"{\"name\": \"ci\", \"scopes\": [\"config:read\", \"config:write\", \"deployments:write\"]}");
		String tokenId = JsonPath.read(created, "$.id");
		String secret = JsonPath.read(created, "$.token");
		this.mvc
			.perform(put(this.api.environmentUrl("staging") + "/config").with(TokenTestSupport.bearer(secret))
				.header("If-Match", "\"r0-p0-json\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"infrastructure\": \"applications:\\n  app:\\n    type: php:8.3\\n\", \"variables\": "
						+ "[{\"name\": \"LOG_LEVEL\", \"value\": \"info\"}], \"message\": \"by CI\"}"))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post(this.api.deployments("staging")).with(TokenTestSupport.bearer(secret))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"artifact\": \"1.0.0\"}"))
			.andExpect(status().isCreated());
		Caller owner = this.api.scenario.owner();
		List<AuditEvent> events = this.readAuditLog.read(owner, null, ReadAuditLog.MAX_PAGE)
			.events()
			.stream()
			.filter((event) -> this.api.project.equals(event.projectSlug()) && "staging".equals(event.environmentName())
					&& List.of("config.revision_created", "deployment.requested").contains(event.action()))
			.toList();
		assertThat(events).extracting(AuditEvent::action)
			.containsExactlyInAnyOrder("config.revision_created", "deployment.requested");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.actor().type()).isEqualTo(Actor.Type.TOKEN);
			assertThat(event.actor().id()).isEqualTo(tokenId);
			assertThat(event.actor().name()).isEqualTo("Dana Developer (API token \"ci\")");
		});
	}

	@Test
	void promotionRequiresSuccessInTheNamedEnvironment() throws Exception {
		this.api.artifact("2.0.0");
		this.api.policy("production", """
				{"requiredApprovals": 1, "approverRoles": ["LEAD", "OWNER"], "allowSelfApproval": false,
				 "approvalValidHours": 72, "requiresSuccessIn": "staging"}""");
		this.api.request(DEVELOPER, "production", "{\"artifact\": \"2.0.0\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("artifact"))
			.andExpect(jsonPath("$.detail").value(containsString("has not succeeded on staging")));
		// Started on staging is not enough: it has to succeed there.
		String onStaging = JsonPath.read(this.api.requested(OWNER, "staging", "{\"artifact\": \"2.0.0\"}"), "$.id");
		this.api.runOnce();
		this.api.request(DEVELOPER, "production", "{\"artifact\": \"2.0.0\"}")
			.andExpect(status().isUnprocessableContent());
		this.api.report(OWNER, "staging", onStaging, "succeeded", "ok").andExpect(status().isOk());
		this.api.request(DEVELOPER, "production", "{\"artifact\": \"2.0.0\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("awaiting_approval"));
	}

	@Test
	void aChangedArtifactGoesThroughPromotionAgain() throws Exception {
		this.api.artifact("2.0.0");
		this.api.artifact("2.1.0-untested");
		this.api.policy("production", """
				{"requiredApprovals": 1, "approverRoles": ["LEAD", "OWNER"], "allowSelfApproval": false,
				 "approvalValidHours": 72, "requiresSuccessIn": "staging"}""");
		this.api.deploySuccessfully("staging", "2.0.0");
		String id = JsonPath.read(this.api.requested(DEVELOPER, "production", "{\"artifact\": \"2.0.0\"}"), "$.id");
		this.api.change(DEVELOPER, "production", id, "{\"artifact\": \"2.1.0-untested\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("artifact"))
			.andExpect(jsonPath("$.detail").value(containsString("staging")));
		assertThat(JsonPath.<String>read(this.api.read("production", id), "$.artifact.version")).isEqualTo("2.0.0");
	}

	@Test
	void transitionsReportsAndTheLiveVersion() throws Exception {
		this.api.artifact("1.0.0");
		int first = this.api.config("staging", "info");
		this.api.config("staging", "debug");
		String id = JsonPath.read(this.api.requested(DEVELOPER, "staging",
				"{\"artifact\": \"1.0.0\", \"configRevision\": " + first + "}"), "$.id");
		this.api.report(DEVELOPER, "staging", id, "succeeded", "too early")
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.currentStatus").value("scheduled"));
		this.api.runOnce();
		assertThat(this.api.status("staging", id)).isEqualTo("running");
		this.api.cancel(DEVELOPER, "staging", id)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentStatus").value("running"));
		this.api.report(DEVELOPER, "staging", id, "running", "migrating")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("running"))
			.andExpect(jsonPath("$.message").value("migrating"));
		this.api.report(DEVELOPER, "staging", id, "cancelled", "nope").andExpect(status().isUnprocessableContent());
		this.api.report(DEVELOPER, "staging", id, "succeeded", "all green")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("succeeded"))
			.andExpect(jsonPath("$.finishedAt").value(TUESDAY.toString()));
		this.api.report(DEVELOPER, "staging", id, "failed", "late")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentStatus").value("succeeded"));
		String list = this.api.list("staging");
		assertThat(JsonPath.<String>read(list, "$.live.id")).isEqualTo(id);
		assertThat(JsonPath.<Integer>read(list, "$.live.configRevision")).isEqualTo(first);
		this.mvc
			.perform(get(this.api.environmentUrl("staging") + "/config").param("revision", String.valueOf(first))
				.session(this.api.as(DEVELOPER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("info")));
		// The revision deployed last, not the latest saved one (debug).
		this.mvc
			.perform(get(this.api.environmentUrl("staging") + "/config").param("revision", "live")
				.session(this.api.as(DEVELOPER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("info")))
			.andExpect(content().string(not(containsString("debug"))));
		assertThat(this.api.audit("deployment.succeeded")).hasSize(1);
	}

	@Test
	void aRunningDeploymentPastItsLimitTimesOut() throws Exception {
		this.api.artifact("1.0.0");
		this.api.putTarget(OWNER, "staging", "{\"type\": \"manual\", \"timeoutMinutes\": 30}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeoutMinutes").value(30));
		String id = JsonPath.read(this.api.requested(DEVELOPER, "staging", "{\"artifact\": \"1.0.0\"}"), "$.id");
		this.api.runOnce();
		assertThat(this.api.status("staging", id)).isEqualTo("running");
		this.clock.advance(Duration.ofMinutes(29));
		this.api.runOnce();
		assertThat(this.api.status("staging", id)).isEqualTo("running");
		this.clock.advance(Duration.ofMinutes(2));
		this.api.runOnce();
		String failed = this.api.read("staging", id);
		assertThat(JsonPath.<String>read(failed, "$.status")).isEqualTo("failed");
		assertThat(JsonPath.<String>read(failed, "$.message")).startsWith("Timed out").contains("30 minutes");
		this.api.report(DEVELOPER, "staging", id, "succeeded", "too late")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentStatus").value("failed"));
	}

	@Test
	void breakGlassNeedsTheRoleAndAReasonSkipsTheGateAndWindowsAndIsReviewedByAnother() throws Exception {
		this.api.artifact("1.0.0");
		this.clock.pin(FRIDAY);
		String emergency = "{\"artifact\": \"1.0.0\", \"emergency\": true, \"reason\": \"Checkout is down\"}";
		this.api.request(DEVELOPER, "production", emergency).andExpect(status().isForbidden());
		this.api.request(LEAD, "production", emergency).andExpect(status().isForbidden());
		this.api.request(OWNER, "production", "{\"artifact\": \"1.0.0\", \"emergency\": true}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		this.api.request(OWNER, "production", "{\"artifact\": \"1.0.0\", \"emergency\": true, \"reason\": \"  \"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		String id = JsonPath.read(this.api.request(OWNER, "production", emergency)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("scheduled"))
			.andExpect(jsonPath("$.emergency").value(true))
			.andExpect(jsonPath("$.reason").value("Checkout is down"))
			.andExpect(jsonPath("$.approvalsRequired").value(0))
			.andExpect(jsonPath("$.blockedBy").value(nullValue()))
			.andExpect(jsonPath("$.nextOpenAt").value(nullValue()))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		this.api.runOnce();
		assertThat(this.api.status("production", id)).isEqualTo("running");
		this.api.review(OWNER, "production", id, "I did it myself").andExpect(status().isForbidden());
		this.api.review(LEAD, "production", id, " ").andExpect(status().isUnprocessableContent());
		this.api.review(DEVELOPER, "production", id, "looks fine").andExpect(status().isForbidden());
		this.api.review(LEAD, "production", id, "Real outage; postmortem filed")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.review.by").isString())
			.andExpect(jsonPath("$.review.comment").value("Real outage; postmortem filed"));
		this.api.review(LEAD, "production", id, "again").andExpect(status().isConflict());
		assertThat(this.api.audit("deployment.reviewed")).hasSize(1);
		assertThat(this.api.audit("deployment.requested").get(0).get("details").toString())
			.contains("Checkout is down");
	}

	@Test
	void redeployPreviousRequestsThePreviousPairThroughTheSameGate() throws Exception {
		this.api.artifact("1.0.0");
		this.api.artifact("1.1.0");
		int first = this.api.config("production", "info");
		this.mvc
			.perform(post(this.api.deployments("production") + "/redeploy-previous").session(this.api.as(DEVELOPER))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent());
		this.api.deployThroughTheGate("1.0.0");
		int second = this.api.config("production", "debug");
		this.api.deployThroughTheGate("1.1.0");
		this.mvc
			.perform(post(this.api.deployments("production") + "/redeploy-previous").session(this.api.as(DEVELOPER))
				.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/deployments/")))
			.andExpect(jsonPath("$.artifact.version").value("1.0.0"))
			.andExpect(jsonPath("$.configRevision").value(first))
			.andExpect(jsonPath("$.status").value("awaiting_approval"))
			.andExpect(jsonPath("$.approvalsRequired").value(1))
			.andExpect(jsonPath("$.note").value(containsString("1.0.0")));
		String list = this.api.list("production");
		assertThat(JsonPath.<String>read(list, "$.live.artifact.version")).isEqualTo("1.1.0");
		assertThat(JsonPath.<Integer>read(list, "$.live.configRevision")).isEqualTo(second);
		assertThat(JsonPath.<String>read(list, "$.deployments[0].status")).isEqualTo("awaiting_approval");
	}

}
