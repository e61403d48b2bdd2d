package app.lockstep.web.ops;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.token.TokenTestSupport;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * JSON log lines (Spring Boot's structured logging, here its ECS format through the same
 * encoder {@code logging.structured.format.console=ecs} installs) carry the request id,
 * the organization and the actor of the request they were written in, and no secret: not
 * the API token, not an invitation token in the path, not a forged request id.
 */
@LockstepTest
class StructuredLogsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private OutputStreamAppender<ILoggingEvent> appender;

	private Logger requestLog;

	private Level previousLevel;

	@BeforeEach
	void captureJsonLogs() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setFormat("ecs");
		encoder.setCharset(StandardCharsets.UTF_8);
		encoder.setContext(context);
		encoder.start();
		this.appender = new OutputStreamAppender<>();
		this.appender.setContext(context);
		this.appender.setEncoder(encoder);
		this.appender.setOutputStream(this.output);
		this.appender.start();
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this.appender);
		this.requestLog = context.getLogger("app.lockstep.web.ops.RequestLog");
		this.previousLevel = this.requestLog.getLevel();
		this.requestLog.setLevel(Level.DEBUG);
	}

	@AfterEach
	void stopCapturing() {
		this.requestLog.setLevel(this.previousLevel);
		((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
			.detachAppender(this.appender);
		this.appender.stop();
	}

	@Test
	void aTokenRequestIsLoggedWithItsRequestIdOrganizationAndActorAndWithoutItsSecret() throws Exception {
		String secret = TokenTestSupport.secret(this.mvc, ProjectTestSupport.OWNER, "config:read");
		this.output.reset();
		MvcResult result = this.mvc
			.perform(get("/api/v1/orgs/acme/projects").header("Authorization", "Bearer " + secret)
				.header("X-Request-Id", "ci-build-4711.step-2"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getHeader("X-Request-Id")).isEqualTo("ci-build-4711.step-2");

		JsonNode line = requestLine("/api/v1/orgs/{org}/projects");
		assertThat(field(line, "requestId")).isEqualTo("ci-build-4711.step-2");
		assertThat(field(line, "organization")).isEqualTo("acme");
		assertThat(field(line, "actor")).matches("token:[0-9a-f-]{36} user:[0-9a-f-]{36}");
		assertThat(field(line, "log.level")).isEqualTo("DEBUG");
		assertThat(this.output.toString(StandardCharsets.UTF_8)).doesNotContain(secret, secret.substring(4));
	}

	@Test
	void aSessionIsLoggedAsItsUserIdNotItsEmail() throws Exception {
		MockHttpSession owner = ProjectTestSupport.session(this.mvc, ProjectTestSupport.OWNER);
		this.output.reset();
		MvcResult result = this.mvc.perform(get("/orgs/acme").session(owner)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		JsonNode line = requestLine("/orgs/{org}");
		assertThat(field(line, "actor")).matches("user:[0-9a-f-]{36}");
		assertThat(field(line, "organization")).isEqualTo("acme");
		assertThat(field(line, "requestId")).isEqualTo(result.getResponse().getHeader("X-Request-Id"));
		assertThat(this.output.toString(StandardCharsets.UTF_8)).doesNotContain(ProjectTestSupport.OWNER);
	}

	@Test
	void secretsInThePathAndForgedRequestIdsStayOutOfTheLog() throws Exception {
		String invitation = "inv-secret-" + "x".repeat(30);
		this.output.reset();
		MvcResult result = this.mvc
			.perform(get("/invitations/" + invitation).header("X-Request-Id", "forged\n{\"level\":\"ERROR\"}"))
			.andReturn();
		String requestId = result.getResponse().getHeader("X-Request-Id");
		assertThat(requestId).as("a forged request id is replaced").matches("[0-9a-f-]{36}");
		JsonNode line = requestLine("/invitations/{token}");
		assertThat(field(line, "requestId")).isEqualTo(requestId);
		String logged = this.output.toString(StandardCharsets.UTF_8);
		assertThat(logged).doesNotContain(invitation, "forged");
		for (String text : logged.split("\n")) {
			if (!text.isBlank()) {
				assertThat(JSON.readTree(text).isObject()).as("every line is one JSON object: " + text).isTrue();
			}
		}
	}

	private JsonNode requestLine(String pattern) {
		List<JsonNode> lines = new ArrayList<>();
		for (String text : this.output.toString(StandardCharsets.UTF_8).split("\n")) {
			if (!text.isBlank()) {
				lines.add(JSON.readTree(text));
			}
		}
		return lines.stream()
			.filter((line) -> "app.lockstep.web.ops.RequestLog".equals(field(line, "log.logger"))
					&& field(line, "message").contains(" " + pattern + " "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no request line for " + pattern + " in " + lines));
	}

	/** A field of an ECS line, whether written flat ("log.level") or nested. */
	private static String field(JsonNode line, String name) {
		JsonNode flat = line.get(name);
		if (flat != null) {
			return flat.asString();
		}
		JsonNode nested = line;
		for (String part : name.split("\\.")) {
			nested = nested.path(part);
		}
		return nested.isMissingNode() ? "" : nested.asString();
	}

}
