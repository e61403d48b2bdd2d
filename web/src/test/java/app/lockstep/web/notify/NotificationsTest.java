package app.lockstep.web.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.notify.DeliverNotifications;
import app.lockstep.domain.window.FreezeNotices;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import app.lockstep.web.testing.WebhookReceiver;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Notifications end to end against a real HTTP receiver on 127.0.0.1: a deployment's
 * events reach the channels listening (signed webhook, Slack and Teams formats), failed
 * sends are retried with backoff as the clock advances and then fail, a 4xx fails at
 * once, the delivery log says so; reviews due and freezes starting are raised once;
 * secrets never come back; refusals by role and bad input per field. The scheduler does
 * not poll in the test context: each step calls {@link NotificationScheduler} itself.
 */
@LockstepTest
class NotificationsTest extends ScenarioTestBase {

	private static final String SECRET = "notify-secret-0123456789abcdef";

	private static final String CHANNELS = "/api/v1/orgs/acme/notification-channels";

	@Autowired
	NotificationScheduler notifications;

	@Autowired
	DeliverNotifications deliver;

	WebhookReceiver receiver;

	Instant start;

	@BeforeEach
	void setUp() {
		this.receiver = new WebhookReceiver();
		this.start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.clock.pin(this.start);
	}

	@AfterEach
	void tearDown() throws Exception {
		this.receiver.close();
		String list = this.mvc.perform(get(CHANNELS).session(owner())).andReturn().getResponse().getContentAsString();
		for (String id : JsonPath.<List<String>>read(list, "$[*].id")) {
			this.mvc.perform(delete(CHANNELS + "/" + id).session(owner()).with(csrf()));
		}
	}

	@Test
	void aFailedDeploymentReachesTheProjectsSignedWebhookRetriedWithBackoff() throws Exception {
		DeploymentScenario place = scenario().developmentBuild("notify-fail");
		String channel = add("{\"kind\": \"webhook\", \"name\": \"Pager\", \"project\": \"" + place.slug()
				+ "\", \"url\": \"" + this.receiver.url() + "\", \"secret\": \"" + SECRET
				+ "\", \"events\": [\"deployment_failed\", \"deployment_succeeded\"]}");
		this.receiver.answering(503);

		Deployment deployment = place.deploy(place.environment(), DeploymentScenario.VERSION, "failed");
		assertThat(deployment.status().value()).isEqualTo("failed");
		this.notifications.sendDue();

		assertThat(this.receiver.deliveries()).hasSize(1);
		WebhookReceiver.Delivery first = this.receiver.deliveries().get(0);
		assertThat(first.signedWith(SECRET)).isTrue();
		assertThat(first.signedWith("another-secret-0123456789")).isFalse();
		assertThat(first.event()).isEqualTo("notification.deployment_failed");
		String body = first.text();
		assertThat((String) JsonPath.read(body, "$.event")).isEqualTo("deployment_failed");
		assertThat((String) JsonPath.read(body, "$.organization")).isEqualTo("acme");
		assertThat((String) JsonPath.read(body, "$.project")).isEqualTo(place.slug());
		assertThat((String) JsonPath.read(body, "$.subject"))
			.isEqualTo("Deployment failed: 1.0.0 to " + place.slug() + "/" + place.environment());
		assertThat((String) JsonPath.read(body, "$.url")).startsWith("http")
			.endsWith("/orgs/acme/projects/" + place.slug() + "/environments/" + place.environment() + "/deployments/"
					+ deployment.id());
		assertThat(body).doesNotContain(SECRET);
		String log = deliveries(channel);
		assertThat((String) JsonPath.read(log, "$[0].status")).isEqualTo("pending");
		assertThat((Integer) JsonPath.read(log, "$[0].attempts")).isEqualTo(1);
		assertThat((String) JsonPath.read(log, "$[0].detail")).isEqualTo("127.0.0.1 answered 503");
		assertThat((String) JsonPath.read(log, "$[0].nextAttemptAt")).isEqualTo(this.start.plusSeconds(30).toString());

		// Not before its time; then again with the same delivery id, and delivered.
		this.notifications.sendDue();
		assertThat(this.receiver.deliveries()).hasSize(1);
		this.receiver.answering(204);
		this.clock.advance(Duration.ofSeconds(30));
		this.notifications.sendDue();
		assertThat(this.receiver.deliveries()).hasSize(2);
		assertThat(this.receiver.deliveries().get(1).deliveryId()).isEqualTo(first.deliveryId());
		log = deliveries(channel);
		assertThat((String) JsonPath.read(log, "$[0].status")).isEqualTo("delivered");
		assertThat((Integer) JsonPath.read(log, "$[0].attempts")).isEqualTo(2);

		// Events the channel does not listen to, and other projects' events, send
		// nothing.
		scenario().developmentBuild("notify-other").deploy("development", DeploymentScenario.VERSION, "failed");
		this.notifications.sendDue();
		assertThat(this.receiver.deliveries()).hasSize(2);

		// The page shows the channel and its log, never the secret.
		String page = this.mvc.perform(get("/orgs/acme/notifications").session(as(ProjectTestSupport.VIEWER)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Pager", "Delivered", "Deployment failed: 1.0.0 to " + place.slug())
			.doesNotContain(SECRET);
	}

	@Test
	void aReceiverThatKeepsFailingIsGivenUpAfterSixAttemptsAndA4xxAtOnce() throws Exception {
		String failing = add("{\"kind\": \"webhook\", \"name\": \"Down\", \"url\": \"" + this.receiver.url()
				+ "/down\", \"secret\": \"" + SECRET + "\", \"events\": [\"approval_needed\"]}");
		String gone = add("{\"kind\": \"webhook\", \"name\": \"Gone\", \"url\": \"" + this.receiver.url()
				+ "/gone\", \"secret\": \"" + SECRET + "\", \"events\": [\"approval_needed\"]}");
		this.receiver.answering((delivery) -> delivery.path().endsWith("/gone") ? 410 : 500);
		test(failing);
		test(gone);
		for (int attempt = 1; attempt <= 6; attempt++) {
			this.notifications.sendDue();
			this.clock.advance(Duration.ofMinutes(20));
		}
		this.notifications.sendDue();
		String failed = deliveries(failing);
		assertThat((String) JsonPath.read(failed, "$[0].status")).isEqualTo("failed");
		assertThat((Integer) JsonPath.read(failed, "$[0].attempts")).isEqualTo(6);
		String refused = deliveries(gone);
		assertThat((String) JsonPath.read(refused, "$[0].status")).isEqualTo("failed");
		assertThat((Integer) JsonPath.read(refused, "$[0].attempts")).isEqualTo(1);
		assertThat((String) JsonPath.read(refused, "$[0].detail")).isEqualTo("127.0.0.1 answered 410");
		assertThat(this.receiver.deliveries()).hasSize(7);
	}

	@Test
	void slackAndTeamsGetTheirOwnFormatAndTheirUrlIsSealed() throws Exception {
		String slackUrl = this.receiver.url() + "/services/T0001/B0001/slack-token-xyz";
		String teamsUrl = this.receiver.url() + "/workflows/teams-sig-xyz";
		String slack = add("{\"kind\": \"slack\", \"name\": \"#deploys\", \"url\": \"" + slackUrl
				+ "\", \"events\": [\"emergency\"]}");
		String teams = add(
				"{\"kind\": \"teams\", \"name\": \"Ops\", \"url\": \"" + teamsUrl + "\", \"events\": [\"emergency\"]}");
		test(slack);
		test(teams);
		this.notifications.sendDue();

		assertThat(this.receiver.deliveries()).hasSize(2);
		String slackBody = this.receiver.deliveries()
			.stream()
			.filter((d) -> d.path().contains("slack"))
			.findFirst()
			.orElseThrow()
			.text();
		assertThat((String) JsonPath.read(slackBody, "$.text")).isEqualTo("Test notice for #deploys");
		assertThat((String) JsonPath.read(slackBody, "$.blocks[0].type")).isEqualTo("section");
		assertThat((String) JsonPath.read(slackBody, "$.blocks[0].text.type")).isEqualTo("mrkdwn");
		assertThat((String) JsonPath.read(slackBody, "$.blocks[0].text.text")).contains("Open in Lockstep>");
		String teamsBody = this.receiver.deliveries()
			.stream()
			.filter((d) -> d.path().contains("teams"))
			.findFirst()
			.orElseThrow()
			.text();
		assertThat((String) JsonPath.read(teamsBody, "$.type")).isEqualTo("message");
		assertThat((String) JsonPath.read(teamsBody, "$.attachments[0].contentType"))
			.isEqualTo("application/vnd.microsoft.card.adaptive");
		assertThat((String) JsonPath.read(teamsBody, "$.attachments[0].content.type")).isEqualTo("AdaptiveCard");

		String list = this.mvc.perform(get(CHANNELS).session(owner())).andReturn().getResponse().getContentAsString();
		String page = this.mvc.perform(get("/orgs/acme/notifications").session(owner()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String channelId = JsonPath.read(list, "$[0].id");
		// One channel's log, with the way back to every channel's.
		var channelLog = this.mvc.perform(get("/orgs/acme/notifications?channel=" + channelId).session(owner()))
			.andReturn()
			.getResponse();
		assertThat(channelLog.getStatus()).isEqualTo(200);
		assertThat(channelLog.getContentAsString()).contains("href=\"/orgs/acme/notifications#delivery-log\"");
		for (String shown : List.of(list, page, channelLog.getContentAsString())) {
			assertThat(shown).contains("127.0.0.1/…").doesNotContain("slack-token-xyz", "teams-sig-xyz");
		}
		assertThat(deliveries(null)).doesNotContain("slack-token-xyz", "teams-sig-xyz");
	}

	@Test
	void anEmergencyUnreviewedFor48HoursRaisesOneReviewDueNotice() throws Exception {
		DeploymentScenario place = scenario().developmentBuild("notify-review");
		String channel = add("{\"kind\": \"webhook\", \"name\": \"Reviews\", \"project\": \"" + place.slug()
				+ "\", \"url\": \"" + this.receiver.url() + "\", \"secret\": \"" + SECRET
				+ "\", \"events\": [\"emergency\", \"review_due\"]}");
		place.emergency(place.owner(), place.environment(), DeploymentScenario.VERSION, null, "Checkout is down");
		this.clock.advance(Duration.ofHours(47));
		this.notifications.raiseTimed();
		this.notifications.sendDue();
		assertThat(this.receiver.deliveries()).extracting(WebhookReceiver.Delivery::event)
			.containsExactly("notification.emergency");

		this.clock.advance(Duration.ofHours(2));
		this.notifications.raiseTimed();
		this.notifications.raiseTimed();
		this.notifications.sendDue();
		assertThat(this.receiver.deliveries()).extracting(WebhookReceiver.Delivery::event)
			.containsExactly("notification.emergency", "notification.review_due");
		assertThat((String) JsonPath.read(this.receiver.deliveries().get(1).text(), "$.text"))
			.contains("still unreviewed", "Checkout is down");
		assertThat(JsonPath.<List<Object>>read(deliveries(channel), "$")).hasSize(2);
	}

	@Test
	void aFreezeStartingWithinADayIsAnnouncedOnce() throws Exception {
		add("{\"kind\": \"webhook\", \"name\": \"Freezes\", \"url\": \"" + this.receiver.url() + "\", \"secret\": \""
				+ SECRET + "\", \"events\": [\"freeze_starting\"]}");
		Instant begins = this.start.plus(FreezeNotices.AHEAD).plus(Duration.ofHours(2));
		MvcResult freeze = this.mvc
			.perform(post("/api/v1/orgs/acme/freezes").session(owner())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"start\": \"" + begins + "\", \"end\": \"" + begins.plus(Duration.ofDays(1))
						+ "\", \"reason\": \"Notification test freeze\"}"))
			.andReturn();
		assertThat(freeze.getResponse().getStatus()).as(freeze.getResponse().getContentAsString()).isEqualTo(201);
		String freezeId = JsonPath.read(freeze.getResponse().getContentAsString(), "$.id");
		try {
			this.notifications.raiseTimed();
			this.notifications.sendDue();
			assertThat(this.receiver.deliveries()).isEmpty();
			this.clock.advance(Duration.ofHours(3));
			this.notifications.raiseTimed();
			this.clock.advance(Duration.ofMinutes(5));
			this.notifications.raiseTimed();
			this.notifications.sendDue();
			assertThat(this.receiver.deliveries()).hasSize(1);
			String body = this.receiver.deliveries().get(0).text();
			assertThat((String) JsonPath.read(body, "$.event")).isEqualTo("freeze_starting");
			assertThat((String) JsonPath.read(body, "$.text")).contains("Notification test freeze");
		}
		finally {
			this.mvc.perform(delete("/api/v1/orgs/acme/freezes/" + freezeId).session(owner()).with(csrf()));
		}
	}

	@Test
	void onlyOwnersAndAdminsChangeChannelsAndBadInputIsNamedPerField() throws Exception {
		String body = "{\"kind\": \"webhook\", \"name\": \"Nope\", \"url\": \"" + this.receiver.url()
				+ "\", \"secret\": \"" + SECRET + "\", \"events\": [\"approval_needed\"]}";
		for (String email : List.of(ProjectTestSupport.LEAD, ProjectTestSupport.DEVELOPER, ProjectTestSupport.VIEWER,
				"auditor@acme.test")) {
			assertThat(status(post(CHANNELS), as(email), body)).as(email).isEqualTo(403);
		}
		assertThat(status(get(CHANNELS), as(ProjectTestSupport.VIEWER), null)).isEqualTo(200);
		String channel = add(body);
		for (String email : List.of(ProjectTestSupport.LEAD, ProjectTestSupport.DEVELOPER)) {
			assertThat(status(put(CHANNELS + "/" + channel), as(email), "{\"enabled\": false}")).as(email)
				.isEqualTo(403);
			assertThat(status(post(CHANNELS + "/" + channel + "/test"), as(email), null)).as(email).isEqualTo(403);
			assertThat(status(delete(CHANNELS + "/" + channel), as(email), null)).as(email).isEqualTo(403);
			assertThat(status(post("/orgs/acme/notifications/" + channel + "/delete"), as(email), null)).as(email)
				.isEqualTo(403);
		}
		assertThat(status(delete(CHANNELS + "/" + channel), owner(), null)).isEqualTo(204);

		MvcResult invalid = this.mvc
			.perform(post(CHANNELS).session(owner())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\": \"pigeon\", \"name\": \"\", \"project\": \"no-such-project\", "
						+ "\"events\": [\"approval_needed\", \"lunch\"]}"))
			.andReturn();
		assertThat(invalid.getResponse().getStatus()).isEqualTo(422);
		String problem = invalid.getResponse().getContentAsString();
		assertThat(problem).contains("pigeon", "no-such-project", "lunch");
		assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].field")).contains("kind", "name", "project",
				"events");

		assertThat(fieldsOf("{\"kind\": \"webhook\", \"name\": \"W\", \"url\": \"ftp://x\", \"secret\": \"short\", "
				+ "\"events\": []}"))
			.contains("url", "secret", "events");
		assertThat(fieldsOf("{\"kind\": \"email\", \"name\": \"E\", \"recipients\": [\"not-an-address\"], "
				+ "\"events\": [\"emergency\"]}"))
			.containsExactly("recipients");
		assertThat(fieldsOf("{\"kind\": \"slack\", \"name\": \"S\", \"events\": [\"emergency\"]}"))
			.containsExactly("url");
		assertThat(JsonPath.<List<Object>>read(
				this.mvc.perform(get(CHANNELS).session(owner())).andReturn().getResponse().getContentAsString(), "$"))
			.isEmpty();

		// The form says it where it was typed, and keeps what was typed.
		String page = this.mvc
			.perform(post("/orgs/acme/notifications").session(owner())
				.with(csrf())
				.param("kind", "email")
				.param("name", "On call")
				.param("recipients", "oncall@example.com, nope")
				.param("events", "emergency"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"recipients-error\"",
				"\u201cnope\u201d".replace("\u201c", "&quot;").replace("\u201d", "&quot;"),
				"value=\"oncall@example.com, nope\"");
		// Without the CSRF token, nothing.
		assertThat(this.mvc
			.perform(post("/orgs/acme/notifications").session(owner())
				.param("kind", "email")
				.param("name", "x")
				.param("recipients", "a@example.com")
				.param("events", "emergency"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void aChannelSwitchedOffHearsNothingAndChangesAreAudited() throws Exception {
		DeploymentScenario place = scenario().developmentBuild("notify-off");
		String channel = add("{\"kind\": \"webhook\", \"name\": \"Quiet\", \"project\": \"" + place.slug()
				+ "\", \"url\": \"" + this.receiver.url() + "\", \"secret\": \"" + SECRET
				+ "\", \"events\": [\"deployment_succeeded\"]}");
		MvcResult off = this.mvc
			.perform(put(CHANNELS + "/" + channel).session(owner())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"enabled\": false}"))
			.andReturn();
		assertThat(off.getResponse().getStatus()).isEqualTo(200);
		// On the page, a channel left without events is refused with the reason, and
		// kept.
		MvcResult refused = this.mvc
			.perform(post("/orgs/acme/notifications/" + channel).session(owner()).with(csrf()).param("name", "Quiet"))
			.andReturn();
		assertThat(String.valueOf(refused.getFlashMap().get("flash")))
			.isEqualTo("Nothing was saved: Choose at least one event to be told about.");
		assertThat(this.mvc.perform(get(CHANNELS).session(owner())).andReturn().getResponse().getContentAsString())
			.contains("deployment_succeeded");
		place.deploy(place.environment(), DeploymentScenario.VERSION, "succeeded");
		this.notifications.sendDue();
		assertThat(this.receiver.deliveries()).isEmpty();

		String audit = this.mvc
			.perform(get("/api/v1/orgs/acme/audit?action=notification_channel.updated").session(owner()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(audit).contains(channel).doesNotContain(SECRET);
	}

	@Test
	void theLogForgetsWhatFinished30DaysAgoButNotWhatIsStillBeingTried() throws Exception {
		String sent = add("{\"kind\": \"webhook\", \"name\": \"Sent\", \"url\": \"" + this.receiver.url()
				+ "/ok\", \"secret\": \"" + SECRET + "\", \"events\": [\"emergency\"]}");
		String retrying = add("{\"kind\": \"webhook\", \"name\": \"Retrying\", \"url\": \"" + this.receiver.url()
				+ "/down\", \"secret\": \"" + SECRET + "\", \"events\": [\"emergency\"]}");
		this.receiver.answering((delivery) -> delivery.path().endsWith("/down") ? 503 : 200);
		test(sent);
		test(retrying);
		this.notifications.sendDue();
		this.clock.advance(DeliverNotifications.KEPT.minusMinutes(1));
		this.deliver.forgetOld();
		assertThat(JsonPath.<List<Object>>read(deliveries(sent), "$")).hasSize(1);

		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.deliver.forgetOld()).isGreaterThanOrEqualTo(1);
		assertThat(JsonPath.<List<Object>>read(deliveries(sent), "$")).isEmpty();
		assertThat((String) JsonPath.read(deliveries(retrying), "$[0].status")).isEqualTo("pending");
	}

	private MockHttpSession owner() {
		return as(ProjectTestSupport.OWNER);
	}

	private String add(String json) throws Exception {
		MvcResult added = this.mvc
			.perform(post(CHANNELS).session(owner()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json))
			.andReturn();
		assertThat(added.getResponse().getStatus()).as(added.getResponse().getContentAsString()).isEqualTo(201);
		assertThat(added.getResponse().getContentAsString()).doesNotContain(SECRET);
		return JsonPath.read(added.getResponse().getContentAsString(), "$.id");
	}

	private void test(String channel) throws Exception {
		assertThat(this.mvc.perform(post(CHANNELS + "/" + channel + "/test").session(owner()).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(202);
	}

	private String deliveries(@org.jspecify.annotations.Nullable String channel) throws Exception {
		return this.mvc
			.perform(get("/api/v1/orgs/acme/notification-deliveries" + ((channel != null) ? "?channel=" + channel : ""))
				.session(owner()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<String> fieldsOf(String json) throws Exception {
		MvcResult result = this.mvc
			.perform(post(CHANNELS).session(owner()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		return JsonPath.read(result.getResponse().getContentAsString(), "$.errors[*].field");
	}

	private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			MockHttpSession session, @org.jspecify.annotations.Nullable String json) throws Exception {
		request.session(session).with(csrf());
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

}
