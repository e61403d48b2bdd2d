package app.lockstep.web.code;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.RawHttp;
import app.lockstep.web.testing.RawHttp.Answer;
import app.lockstep.web.testing.RawHttp.Framing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public webhooks take no unbounded body: an unknown hook is refused before its body
 * is read, and a known hook reads at most 5 MiB, refusing more with 413 while the body is
 * still streaming (never buffering 200 MB), announced or not.
 */
@LockstepTest
class WebhookLimitsTest {

	private static final long MIB = 1024 * 1024;

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	String github;

	@BeforeEach
	void aProjectWithAWebhook() throws Exception {
		String project = ProjectTestSupport.projectWithEnvironments(this.mvc, "hooklimits");
		this.github = CodeTestSupport.path(CodeTestSupport.webhook(this.mvc, project, "limits-secret-0123456789"),
				"github");
	}

	@Test
	void anUnknownHookIs404BeforeItsBodyIsRead() throws Exception {
		String unknown = this.github.substring(0, this.github.lastIndexOf('/') + 1) + "0".repeat(32);
		// 200 MB streamed without a size: the answer comes after the first chunks.
		Answer chunked = RawHttp.send(this.port, "POST", unknown, json(), new byte[0], 200 * MIB, Framing.CHUNKED,
				TIMEOUT);
		assertThat(chunked.status()).isEqualTo(404);
		assertThat(chunked.header("Content-Type")).startsWith("application/problem+json");
		assertThat(chunked.bodyBytesWritten()).isLessThan(20 * MIB);
		// 4 MB announced (within the limit) and not sent: answered on the head alone.
		Answer announced = RawHttp.send(this.port, "POST", unknown, json(), new byte[0], 4 * MIB,
				Framing.CONTENT_LENGTH, TIMEOUT);
		assertThat(announced.status()).isEqualTo(404);
		assertThat(announced.bodyBytesWritten()).isZero();
	}

	@Test
	void aKnownHookRefusesABodyPastFiveMegabytesWhileItStreams() throws Exception {
		Answer chunked = RawHttp.send(this.port, "POST", this.github, json(),
				"{\"ref\": \"".getBytes(StandardCharsets.UTF_8), 200 * MIB, Framing.CHUNKED, TIMEOUT);
		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.header("Content-Type")).startsWith("application/problem+json");
		assertThat(chunked.body()).contains("\"status\":413", "5 MiB");
		assertThat(chunked.header("Content-Security-Policy")).contains("default-src 'self'");
		// Answered once a little more than the limit was read, not after 200 MB.
		assertThat(chunked.bodyBytesWritten()).isGreaterThan(5 * MIB).isLessThan(40 * MIB);
	}

	@Test
	void aKnownHookRefusesAnAnnouncedBodyPastTheLimitUnread() throws Exception {
		Answer announced = RawHttp.send(this.port, "POST", this.github, json(), new byte[0], 200 * MIB,
				Framing.CONTENT_LENGTH, TIMEOUT);
		assertThat(announced.status()).isEqualTo(413);
		assertThat(announced.header("Content-Type")).startsWith("application/problem+json");
		assertThat(announced.body()).contains("209715200 bytes", "5 MiB");
		assertThat(announced.bodyBytesWritten()).isZero();
	}

	@Test
	void aDeliveryWithinTheLimitIsStillRead() throws Exception {
		// 4 MB of padding inside an otherwise ordinary JSON body: read whole, then
		// refused
		// for its signature (not its size).
		byte[] body = ("{\"ref\": \"refs/heads/main\", \"padding\": \"" + "a".repeat((int) (4 * MIB)) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		Answer answer = RawHttp.send(
				this.port, "POST", this.github, Map.of("Content-Type", "application/json", "X-GitHub-Event", "push",
						"X-Hub-Signature-256", CodeTestSupport.signature("wrong-secret", "x")),
				body, body.length, Framing.CHUNKED, TIMEOUT);
		assertThat(answer.status()).isEqualTo(401);
	}

	private static Map<String, String> json() {
		return Map.of("Content-Type", "application/json", "X-GitHub-Event", "push");
	}

}
