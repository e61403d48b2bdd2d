package app.lockstep.web.ops;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import app.lockstep.web.deploy.DeploymentScheduler;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import app.lockstep.web.testing.WebhookReceiver;
import app.lockstep.web.token.TokenTestSupport;
import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The Prometheus endpoint answers the scrape token and nobody else (no session, no
 * organization's API token), carries Lockstep's own meters and no secret; and each meter
 * moves when what it counts happens.
 */
@LockstepTest
class MetricsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry registry;

	@Autowired
	ApplicationContext context;

	@Autowired
	DeploymentScheduler scheduler;

	@Autowired
	MutableClock clock;

	@Test
	void onlyTheScrapeTokenReadsTheMetrics() throws Exception {
		MockHttpSession owner = ProjectTestSupport.session(this.mvc, ProjectTestSupport.OWNER);
		String apiToken = TokenTestSupport.secret(this.mvc, ProjectTestSupport.OWNER, "audit:read", "config:read");
		assertThat(status(get("/actuator/prometheus"))).as("no credentials").isEqualTo(401);
		assertThat(status(get("/actuator/prometheus").session(owner))).as("the owner's session").isEqualTo(401);
		for (String variant : new String[] { "/actuator/prometheus/", "/actuator/prometheus.txt",
				"/actuator//prometheus", "/actuator/prometheus;x=1" }) {
			assertThat(status(get(variant).session(owner))).as("the owner's session on " + variant).isNotEqualTo(200);
		}
		assertThat(status(get("/actuator/prometheus").header("Authorization", "Bearer " + apiToken)))
			.as("an organization's API token")
			.isEqualTo(401);
		assertThat(status(
				get("/actuator/prometheus").header("Authorization", "Bearer wrong-" + LockstepTest.METRICS_TOKEN)))
			.as("another token")
			.isEqualTo(401);
		assertThat(status(get("/actuator/metrics").header("Authorization", "Bearer " + LockstepTest.METRICS_TOKEN)))
			.as("nothing else of the actuator is exposed")
			.isNotEqualTo(200);

		assertThat(status(
				get("/actuator/prometheus").header("Authorization", "Bearer " + LockstepTest.NEXT_METRICS_TOKEN)))
			.as("the next token, during a rotation")
			.isEqualTo(200);
		MvcResult scraped = this.mvc.perform(scrape()).andReturn();
		assertThat(scraped.getResponse().getStatus()).isEqualTo(200);
		assertThat(scraped.getResponse().getCookies()).as("no session for a scrape").isEmpty();
		String text = scraped.getResponse().getContentAsString();
		assertThat(text).contains("lockstep_deployments{", "status=\"awaiting_approval\"", "lockstep_approvals_waiting",
				"lockstep_approvals_oldest_age_seconds", "lockstep_dispatch_delay_seconds_bucket",
				"lockstep_audit_appends_total{");
		assertThat(text).as("no secret, no tenant")
			.doesNotContain("lst_", LockstepTest.METRICS_TOKEN, LockstepTest.NEXT_METRICS_TOKEN, "acme", "globex");
		// The demo has api's production request waiting for approval.
		assertThat(gauge(text, "lockstep_approvals_waiting")).isGreaterThanOrEqualTo(1);
		assertThat(gauge(text, "lockstep_approvals_oldest_age_seconds")).isGreaterThan(0);
	}

	@Test
	void auditAppendsVerificationsAndConfigReadsAreCounted() throws Exception {
		MockHttpSession owner = ProjectTestSupport.session(this.mvc, ProjectTestSupport.OWNER);
		double created = count("lockstep.audit.appends", "action", "project.created");
		String slug = "metered-" + Long.toHexString(System.nanoTime());
		assertThat(this.mvc
			.perform(post("/api/v1/orgs/acme/projects").session(owner)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"slug\": \"" + slug + "\", \"name\": \"Metered\"}"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(201);
		assertThat(count("lockstep.audit.appends", "action", "project.created")).isEqualTo(created + 1);

		double verified = count("lockstep.audit.verifications", "result", "verified");
		assertThat(status(get("/api/v1/orgs/acme/audit/verify").session(owner))).isEqualTo(200);
		assertThat(count("lockstep.audit.verifications", "result", "verified")).isEqualTo(verified + 1);

		String config = "/api/v1/orgs/acme/projects/shop/environments/staging/config";
		double sent = configReads("yaml", "sent");
		double notModified = configReads("yaml", "not_modified");
		MvcResult first = this.mvc.perform(get(config).param("format", "yaml").session(owner)).andReturn();
		assertThat(first.getResponse().getStatus()).isEqualTo(200);
		String etag = first.getResponse().getHeader("ETag");
		assertThat(status(get(config).param("format", "yaml").header("If-None-Match", etag).session(owner)))
			.isEqualTo(304);
		assertThat(configReads("yaml", "sent")).isEqualTo(sent + 1);
		assertThat(configReads("yaml", "not_modified")).isEqualTo(notModified + 1);
	}

	@Test
	void pushWebhooksAreCountedByOutcome() throws Exception {
		MockHttpSession owner = ProjectTestSupport.session(this.mvc, ProjectTestSupport.OWNER);
		MvcResult hooks = this.mvc
			.perform(put("/api/v1/orgs/acme/projects/api/webhook-secret").session(owner)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"secret\": \"metrics-test-webhook-secret-0123\"}"))
			.andReturn();
		assertThat(hooks.getResponse().getStatus()).isEqualTo(200);
		String url = JsonPath.read(hooks.getResponse().getContentAsString(), "$.github");
		double unauthorized = count("lockstep.webhook.deliveries", "outcome", "rejected");
		assertThat(status(post(url.substring(url.indexOf("/api/v1/hooks/"))).header("X-GitHub-Event", "push")
			.header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))).isEqualTo(401);
		assertThat(count("lockstep.webhook.deliveries", "outcome", "rejected")).isEqualTo(unauthorized + 1);
	}

	@Test
	void dispatchDelayAndDeployerDeliveriesAreMeasured() throws Exception {
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.clock.pin(start);
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			DeploymentScenario place = DeploymentScenario.inAcme(this.context)
				.developmentBuild("metered")
				.webhook(receiver.url(), "whsec-metrics-test-0123456789");
			place.request();
			Timer delay = this.registry.find("lockstep.dispatch.delay").timer();
			long before = (delay != null) ? delay.count() : 0;
			double accepted = count("lockstep.deployer.deliveries", "outcome", "accepted");
			this.clock.pin(start.plusSeconds(3));
			this.scheduler.runOnce();
			assertThat(receiver.deliveries()).hasSize(1);
			// Other tests may leave a deployment that falls due at the same poll.
			Timer measured = this.registry.find("lockstep.dispatch.delay").timer();
			assertThat(measured.count()).isGreaterThanOrEqualTo(before + 1);
			assertThat(measured.max(java.util.concurrent.TimeUnit.SECONDS)).isGreaterThanOrEqualTo(3);
			assertThat(count("lockstep.deployer.deliveries", "outcome", "accepted"))
				.isGreaterThanOrEqualTo(accepted + 1);
			String text = this.mvc.perform(scrape()).andReturn().getResponse().getContentAsString();
			assertThat(text).contains("lockstep_dispatch_delay_seconds_bucket{le=\"5.0\"}",
					"lockstep_deployer_deliveries_total{outcome=\"accepted\"}",
					"lockstep_deployments_transitions_total{status=\"started\"}");
		}
		finally {
			this.clock.release();
		}
	}

	@Test
	void everySeriesTheGrafanaDashboardDrawsIsScraped() throws Exception {
		String dashboard = java.nio.file.Files
			.readString(java.nio.file.Path.of("..", "ops", "grafana", "lockstep-dashboard.json"));
		this.mvc.perform(get("/login")).andReturn();
		String text = this.mvc.perform(scrape()).andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher names = java.util.regex.Pattern
			.compile("\\b(lockstep_[a-z_]+|http_server_requests_seconds_count|hikaricp_[a-z_]+)\\{")
			.matcher(dashboard);
		java.util.Set<String> drawn = new java.util.TreeSet<>();
		while (names.find()) {
			drawn.add(names.group(1));
		}
		assertThat(drawn).as("series the dashboard draws").hasSizeGreaterThanOrEqualTo(10);
		for (String name : drawn) {
			assertThat(text).as("scrape has " + name).containsPattern("(?m)^" + name + "[{ ]");
		}
	}

	private MockHttpServletRequestBuilder scrape() {
		return get("/actuator/prometheus").header("Authorization", "Bearer " + LockstepTest.METRICS_TOKEN);
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	/** The sum over every series with this tag (such as both forges' webhooks). */
	private double count(String name, String tag, String value) {
		return this.registry.find(name).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
	}

	private double configReads(String format, String outcome) {
		Counter counter = this.registry.find("lockstep.config.reads")
			.tag("format", format)
			.tag("outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static double gauge(String text, String name) {
		for (String line : text.split("\n")) {
			if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
				return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		throw new AssertionError(name + " not in the scrape");
	}

}
