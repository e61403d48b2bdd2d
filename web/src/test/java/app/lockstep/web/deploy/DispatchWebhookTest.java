package app.lockstep.web.deploy;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import app.lockstep.domain.deploy.Deployment;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import app.lockstep.web.testing.WebhookReceiver;
import app.lockstep.web.token.TokenTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The webhook contract end to end, against a real HTTP receiver on 127.0.0.1: one signed
 * POST per deployment (the signature verifies with the target's secret and not with any
 * other), the body's fields, the stable delivery id; 2xx starts it and the deployer
 * reports the end; 5xx and refused connections are retried with exponential backoff as
 * the clock advances, then fail with the reason; a 4xx fails at once. The scheduler does
 * not poll in the test context: each step calls {@link DeploymentScheduler#runOnce()}.
 */
@LockstepTest
class DispatchWebhookTest extends ScenarioTestBase {

	private static final String SECRET = "whsec-lockstep-test-0123456789";

	private static final String OTHER_SECRET = "whsec-someone-else-9876543210";

	@Autowired
	DeploymentScheduler scheduler;

	@Value("${lockstep.deployments.delivery-attempts:6}")
	int attempts;

	@Value("${lockstep.deployments.retry-base:10s}")
	Duration retryBase;

	WebhookReceiver receiver;

	Instant start;

	@BeforeEach
	void setUp() {
		this.receiver = new WebhookReceiver();
		this.start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.clock.pin(this.start);
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
	}

	@Test
	void oneSignedDeliveryStartsItAndTheDeployerReportsSuccess() throws Exception {
		DeploymentScenario place = scenario().developmentBuild("hook");
		MvcResult configured = this.mvc
			.perform(put(environmentPath(place) + "/deploy-target").session(owner())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\": \"webhook\", \"url\": \"" + this.receiver.url() + "\", \"secret\": \"" + SECRET
						+ "\"}"))
			.andReturn();
		assertThat(configured.getResponse().getStatus()).isEqualTo(200);
		assertThat(configured.getResponse().getContentAsString()).doesNotContain(SECRET);

		Deployment deployment = place.request();
		assertThat(deployment.status().value()).isEqualTo("scheduled");
		this.scheduler.runOnce();

		assertThat(this.receiver.deliveries()).hasSize(1);
		WebhookReceiver.Delivery delivery = this.receiver.deliveries().get(0);
		assertThat(delivery.path()).isEqualTo("/hook");
		assertThat(delivery.deliveryId()).isEqualTo(deployment.deliveryId().toString());
		assertThat(delivery.event()).isEqualTo("deployment");
		assertThat(delivery.signature()).matches("sha256=[0-9a-f]{64}");
		// Signature checks both ways: it verifies with the target's secret, not with
		// another
		// one, and not over a body changed by a single byte.
		assertThat(delivery.signedWith(SECRET)).isTrue();
		assertThat(delivery.signedWith(OTHER_SECRET)).isFalse();
		assertThat(WebhookReceiver.sign(SECRET, delivery.text().replace("acme", "acmf").getBytes()))
			.isNotEqualTo(delivery.signature());

		String body = delivery.text();
		assertThat(body).doesNotContain(SECRET);
		assertThat((String) JsonPath.read(body, "$.deploymentId")).isEqualTo(deployment.id().toString());
		assertThat((String) JsonPath.read(body, "$.organization")).isEqualTo("acme");
		assertThat((String) JsonPath.read(body, "$.project")).isEqualTo(place.slug());
		assertThat((String) JsonPath.read(body, "$.environment")).isEqualTo(place.environment());
		assertThat((String) JsonPath.read(body, "$.artifact.version")).isEqualTo(DeploymentScenario.VERSION);
		assertThat((String) JsonPath.read(body, "$.artifact.commitSha")).isEqualTo(place.commitSha());
		assertThat((String) JsonPath.read(body, "$.artifact.digest")).isEqualTo(place.digest());
		assertThat((Integer) JsonPath.read(body, "$.configRevision")).isEqualTo(1);
		assertThat((String) JsonPath.read(body, "$.configUrl")).startsWith("http")
			.endsWith("/api/v1/orgs/acme/projects/" + place.slug() + "/environments/" + place.environment()
					+ "/config?revision=1");

		String json = deploymentJson(place, deployment);
		assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("running");
		assertThat((Integer) JsonPath.read(json, "$.deliveryAttempts")).isEqualTo(1);
		assertThat((String) JsonPath.read(json, "$.startedAt")).isEqualTo(this.start.toString());

		// Exactly once: later passes, even much later, do not deliver it again.
		this.scheduler.runOnce();
		this.clock.advance(Duration.ofMinutes(5));
		this.scheduler.runOnce();
		assertThat(this.receiver.deliveries()).hasSize(1);

		String token = TokenTestSupport.secret(this.mvc, ProjectTestSupport.DEVELOPER, "deployments:write");
		report(place, deployment, token, "{\"status\": \"running\", \"message\": \"Rolling out\"}", 200);
		assertThat((String) JsonPath.read(deploymentJson(place, deployment), "$.message")).isEqualTo("Rolling out");
		report(place, deployment, token,
				"{\"status\": \"succeeded\", \"message\": \"Live\", \"logUrl\": \"https://ci.example.com/runs/1\"}",
				200);
		json = deploymentJson(place, deployment);
		assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("succeeded");
		assertThat((String) JsonPath.read(json, "$.logUrl")).isEqualTo("https://ci.example.com/runs/1");
		String list = this.mvc.perform(get(environmentPath(place) + "/deployments").session(owner()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(list, "$.live.id")).isEqualTo(deployment.id().toString());
		// A finished deployment takes no more reports.
		report(place, deployment, token, "{\"status\": \"failed\"}", 409);
	}

	@Test
	void aReceiverThatChecksTheSignatureRefusesADeliverySignedWithAnotherSecret() throws Exception {
		this.receiver.answering((delivery) -> delivery.signedWith(SECRET) ? 202 : 401);
		DeploymentScenario good = scenario().developmentBuild("signed").webhook(this.receiver.url(), SECRET);
		DeploymentScenario bad = scenario().developmentBuild("missigned").webhook(this.receiver.url(), OTHER_SECRET);
		Deployment accepted = good.request();
		Deployment refused = bad.request();

		this.scheduler.runOnce();

		assertThat(this.receiver.countsByDeliveryId()).containsEntry(accepted.deliveryId().toString(), 1L)
			.containsEntry(refused.deliveryId().toString(), 1L);
		assertThat((String) JsonPath.read(deploymentJson(good, accepted), "$.status")).isEqualTo("running");
		String json = deploymentJson(bad, refused);
		assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("failed");
		assertThat((String) JsonPath.read(json, "$.message")).contains("after 1 attempt").contains("401");
	}

	@Test
	void serverErrorsAreRetriedWithExponentialBackoffThenItFailsWithTheReason() throws Exception {
		this.receiver.answering(500);
		DeploymentScenario place = scenario().developmentBuild("retry").webhook(this.receiver.url(), SECRET);
		Deployment deployment = place.request();

		this.scheduler.runOnce();
		assertThat(mine(deployment)).hasSize(1);
		String json = deploymentJson(place, deployment);
		assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("scheduled");
		assertThat((Integer) JsonPath.read(json, "$.deliveryAttempts")).isEqualTo(1);
		assertThat((String) JsonPath.read(json, "$.lastDeliveryError")).contains("500");
		assertThat((String) JsonPath.read(json, "$.dueAt")).isEqualTo(this.start.plus(this.retryBase).toString());

		// Not before the backoff has passed.
		this.scheduler.runOnce();
		this.clock.pin(this.start.plus(this.retryBase).minusSeconds(1));
		this.scheduler.runOnce();
		assertThat(mine(deployment)).hasSize(1);

		Instant due = this.start;
		for (int attempt = 2; attempt <= this.attempts; attempt++) {
			Duration backoff = this.retryBase.multipliedBy(1L << (attempt - 2));
			due = due.plus(backoff);
			this.clock.pin(due);
			this.scheduler.runOnce();
			assertThat(mine(deployment)).as("deliveries after attempt %d", attempt).hasSize(attempt);
			json = deploymentJson(place, deployment);
			assertThat((Integer) JsonPath.read(json, "$.deliveryAttempts")).isEqualTo(attempt);
			if (attempt < this.attempts) {
				assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("scheduled");
				assertThat((String) JsonPath.read(json, "$.dueAt"))
					.isEqualTo(due.plus(backoff.multipliedBy(2)).toString());
			}
		}
		assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("failed");
		assertThat((String) JsonPath.read(json, "$.message")).contains("failed after " + this.attempts + " attempts")
			.contains("500");
		assertThat((String) JsonPath.read(json, "$.lastDeliveryError")).contains("500");

		// Every attempt was the same delivery: same id, same signed body.
		List<WebhookReceiver.Delivery> all = mine(deployment);
		assertThat(all).extracting(WebhookReceiver.Delivery::text).containsOnly(all.get(0).text());
		assertThat(all).extracting(WebhookReceiver.Delivery::signature).containsOnly(all.get(0).signature());
		this.clock.advance(Duration.ofHours(1));
		this.scheduler.runOnce();
		assertThat(mine(deployment)).hasSize(this.attempts);
	}

	@Test
	void aRefusedConnectionIsRetriedAndTheNextAttemptReachesTheDeployer() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		DeploymentScenario place = scenario().developmentBuild("refused")
			.webhook("http://127.0.0.1:" + closedPort + "/hook", SECRET);
		Deployment deployment = place.request();

		this.scheduler.runOnce();
		String json = deploymentJson(place, deployment);
		assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("scheduled");
		assertThat((Integer) JsonPath.read(json, "$.deliveryAttempts")).isEqualTo(1);
		assertThat((String) JsonPath.read(json, "$.lastDeliveryError")).contains("Connect");

		// The deployer comes back (at a new address): the retry reaches it, with the same
		// delivery id.
		place.webhook(this.receiver.url(), SECRET);
		this.clock.advance(this.retryBase);
		this.scheduler.runOnce();
		assertThat(mine(deployment)).hasSize(1);
		assertThat(mine(deployment).get(0).signedWith(SECRET)).isTrue();
		json = deploymentJson(place, deployment);
		assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("running");
		assertThat((Integer) JsonPath.read(json, "$.deliveryAttempts")).isEqualTo(2);
	}

	@Test
	void aClientErrorFailsAtOnce() throws Exception {
		this.receiver.answering(404);
		DeploymentScenario place = scenario().developmentBuild("gone").webhook(this.receiver.url(), SECRET);
		Deployment deployment = place.request();

		this.scheduler.runOnce();
		String json = deploymentJson(place, deployment);
		assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("failed");
		assertThat((Integer) JsonPath.read(json, "$.deliveryAttempts")).isEqualTo(1);
		assertThat((String) JsonPath.read(json, "$.message"))
			.isEqualTo("Delivery to the deployer failed after 1 attempt: the deployer answered 404");

		this.clock.advance(Duration.ofHours(1));
		this.scheduler.runOnce();
		assertThat(mine(deployment)).hasSize(1);
	}

	@Test
	void aTargetSecretThatNoLongerDecryptsFailsTheDeploymentWithTheReason() throws Exception {
		DeploymentScenario place = scenario().developmentBuild("sealed").webhook(this.receiver.url(), SECRET);
		app.lockstep.domain.access.Caller owner = scenario().caller("owner@acme.test");
		app.lockstep.domain.shared.Transactions transactions = this.context
			.getBean(app.lockstep.domain.shared.Transactions.class);
		transactions.inTenant(owner.orgId(), () -> {
			var project = this.context.getBean(app.lockstep.domain.project.Projects.class)
				.findBySlug(owner.orgId(), place.slug())
				.orElseThrow();
			var environment = this.context.getBean(app.lockstep.domain.project.Environments.class)
				.findByName(owner.orgId(), project.id(), place.environment())
				.orElseThrow();
			var targets = this.context.getBean(app.lockstep.domain.deploy.DeployTargets.class);
			var target = targets.find(owner.orgId(), environment.id()).orElseThrow();
			targets.save(owner.orgId(), environment.id(),
					new app.lockstep.domain.deploy.DeployTarget(target.type(), target.url(),
							new app.lockstep.domain.config.SealedSecret(target.secret().keyId(), new byte[48]),
							target.timeoutMinutes(), target.updatedAt(), target.updatedByName()));
			return null;
		});
		Deployment deployment = place.request();

		this.scheduler.runOnce();
		String json = deploymentJson(place, deployment);
		assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("failed");
		assertThat((String) JsonPath.read(json, "$.message")).contains("cannot be decrypted")
			.contains("set the secret again");
		assertThat(mine(deployment)).isEmpty();
	}

	private List<WebhookReceiver.Delivery> mine(Deployment deployment) {
		return this.receiver.deliveries()
			.stream()
			.filter((delivery) -> deployment.deliveryId().toString().equals(delivery.deliveryId()))
			.toList();
	}

	private void report(DeploymentScenario place, Deployment deployment, String token, String body, int expected)
			throws Exception {
		MvcResult result = this.mvc
			.perform(post(environmentPath(place) + "/deployments/" + deployment.id() + "/status")
				.with(TokenTestSupport.bearer(token))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(expected);
	}

	private String deploymentJson(DeploymentScenario place, Deployment deployment) throws Exception {
		MvcResult result = this.mvc
			.perform(get(environmentPath(place) + "/deployments/" + deployment.id()).session(owner()))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private org.springframework.mock.web.MockHttpSession owner() {
		return ProjectTestSupport.session(this.mvc, ProjectTestSupport.OWNER);
	}

	private static String environmentPath(DeploymentScenario place) {
		return "/api/v1/orgs/acme/projects/" + place.slug() + "/environments/" + place.environment();
	}

}
