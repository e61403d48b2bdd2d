package app.lockstep.web.deploy.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import app.lockstep.web.token.TokenTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static app.lockstep.web.deploy.api.DeploymentApiClient.DEVELOPER;
import static app.lockstep.web.deploy.api.DeploymentApiClient.LEAD;
import static app.lockstep.web.deploy.api.DeploymentApiClient.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Real concurrency against the real database: several approvers deciding at once count
 * exactly the required number and schedule the deployment once; approve versus cancel and
 * cancel versus the scheduler end consistent, and a cancelled deployment never runs.
 * Threads start together at a barrier; nothing sleeps.
 */
@LockstepTest
class DeploymentApiRacesTest extends ScenarioTestBase {

	static final Instant TUESDAY = Instant.parse("2026-12-01T10:00:00Z");

	DeploymentApiClient api;

	ExecutorService threads;

	@BeforeEach
	void aProjectWithABuild() throws Exception {
		this.clock.pin(TUESDAY);
		this.api = DeploymentApiClient.forNewProject(this.context, "race");
		this.api.artifact("1.0.0");
		this.threads = Executors.newFixedThreadPool(4);
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.threads.shutdownNow();
		this.threads.awaitTermination(30, TimeUnit.SECONDS);
		this.clock.release();
	}

	String token(String email) throws Exception {
		return TokenTestSupport.secret(this.mvc, email, "deployments:write", "config:read");
	}

	int approveWith(String token, String id) throws Exception {
		return this.mvc
			.perform(post(this.api.deployment("production", id) + "/approvals").with(TokenTestSupport.bearer(token))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\": \"approve\"}"))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	int cancelWith(String token, String id) throws Exception {
		return this.mvc
			.perform(post(this.api.deployment("production", id) + "/cancel").with(TokenTestSupport.bearer(token))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"race\"}"))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	/** Runs the tasks at once (they meet at a barrier) and returns their results. */
	<T> List<T> together(List<Callable<T>> tasks) throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(tasks.size());
		List<Future<T>> futures = new ArrayList<>();
		for (Callable<T> task : tasks) {
			futures.add(this.threads.submit(() -> {
				barrier.await(30, TimeUnit.SECONDS);
				return task.call();
			}));
		}
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get(60, TimeUnit.SECONDS));
		}
		return results;
	}

	@Test
	void concurrentApprovalsCountExactlyTheRequiredNumber() throws Exception {
		this.api.policy("production", """
				{"requiredApprovals": 1, "approverRoles": ["OWNER", "LEAD", "DEVELOPER"], "allowSelfApproval": true,
				 "approvalValidHours": 72}""");
		List<String> tokens = List.of(token(OWNER), token(LEAD), token(DEVELOPER));
		for (int round = 0; round < 3; round++) {
			String id = JsonPath.read(this.api.requested(DEVELOPER, "production", "{\"artifact\": \"1.0.0\"}"), "$.id");
			List<Integer> statuses = together(
					tokens.stream().<Callable<Integer>>map((token) -> () -> approveWith(token, id)).toList());
			assertThat(statuses).as("round " + round).containsOnly(201, 409).filteredOn((s) -> s == 201).hasSize(1);
			String deployment = this.api.read("production", id);
			assertThat(JsonPath.<String>read(deployment, "$.status")).isEqualTo("scheduled");
			assertThat(JsonPath.<Integer>read(deployment, "$.approvals.length()")).isEqualTo(1);
			assertThat(JsonPath.<Integer>read(deployment, "$.approvalsGiven")).isEqualTo(1);
			assertThat(this.api.audit("deployment.scheduled"))
				.filteredOn((e) -> e.get("target").toString().contains(id))
				.hasSize(1);
		}
	}

	@Test
	void concurrentApprovalsForTwoRequiredCountTwo() throws Exception {
		this.api.policy("production", """
				{"requiredApprovals": 2, "approverRoles": ["OWNER", "LEAD", "DEVELOPER"], "allowSelfApproval": true,
				 "approvalValidHours": 72}""");
		List<String> tokens = List.of(token(OWNER), token(LEAD), token(DEVELOPER));
		String id = JsonPath.read(this.api.requested(DEVELOPER, "production", "{\"artifact\": \"1.0.0\"}"), "$.id");
		List<Integer> statuses = together(
				tokens.stream().<Callable<Integer>>map((token) -> () -> approveWith(token, id)).toList());
		assertThat(statuses).containsOnly(201, 409).filteredOn((s) -> s == 201).hasSize(2);
		String deployment = this.api.read("production", id);
		assertThat(JsonPath.<String>read(deployment, "$.status")).isEqualTo("scheduled");
		assertThat(JsonPath.<Integer>read(deployment, "$.approvals.length()")).isEqualTo(2);
		assertThat(this.api.audit("deployment.scheduled")).filteredOn((e) -> e.get("target").toString().contains(id))
			.hasSize(1);
	}

	@Test
	void approveVersusCancelEndsCancelledAndItNeverRuns() throws Exception {
		String lead = token(LEAD);
		String developer = token(DEVELOPER);
		List<String> ids = new ArrayList<>();
		for (int round = 0; round < 4; round++) {
			String id = JsonPath.read(this.api.requested(DEVELOPER, "production", "{\"artifact\": \"1.0.0\"}"), "$.id");
			ids.add(id);
			List<Integer> statuses = together(List.of(() -> approveWith(lead, id), () -> cancelWith(developer, id)));
			int approve = statuses.get(0);
			int cancel = statuses.get(1);
			assertThat(cancel).as("cancel, round " + round).isEqualTo(200);
			assertThat(approve).as("approve, round " + round).isIn(201, 409);
			String deployment = this.api.read("production", id);
			assertThat(JsonPath.<String>read(deployment, "$.status")).isEqualTo("cancelled");
			assertThat(JsonPath.<Integer>read(deployment, "$.approvals.length()")).isEqualTo((approve == 201) ? 1 : 0);
		}
		this.api.runOnce();
		for (String id : ids) {
			assertThat(this.api.status("production", id)).isEqualTo("cancelled");
		}
		assertThat(this.api.audit("deployment.started")).isEmpty();
	}

	@Test
	void cancelVersusTheSchedulerEitherCancelsOrStartsNeverBoth() throws Exception {
		this.api.policy("production", """
				{"requiredApprovals": 0, "approverRoles": ["LEAD"], "allowSelfApproval": false,
				 "approvalValidHours": 72}""");
		String developer = token(DEVELOPER);
		for (int round = 0; round < 4; round++) {
			String id = JsonPath.read(this.api.requested(DEVELOPER, "production", "{\"artifact\": \"1.0.0\"}"), "$.id");
			List<Integer> results = together(List.of(() -> cancelWith(developer, id), this.api::runOnce));
			String status = this.api.status("production", id);
			if (results.get(0) == 200) {
				assertThat(status).as("round " + round).isEqualTo("cancelled");
				this.api.runOnce();
				assertThat(this.api.status("production", id)).isEqualTo("cancelled");
				assertThat(this.api.audit("deployment.started"))
					.filteredOn((e) -> e.get("target").toString().contains(id))
					.isEmpty();
			}
			else {
				assertThat(results.get(0)).as("round " + round).isEqualTo(409);
				assertThat(status).isEqualTo("running");
			}
		}
	}

}
