package app.lockstep.web.shared;

import java.time.Duration;
import java.util.Map;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.RawHttp;
import app.lockstep.web.testing.RawHttp.Answer;
import app.lockstep.web.testing.RawHttp.Framing;
import app.lockstep.web.token.TokenTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every address bounds its body (the webhooks' limits are in WebhookLimitsTest): the
 * API's JSON at 64 KiB, an environment's config at 2 MiB, forms at 64 KiB and the sign-in
 * forms at 16 KiB; refused with 413 (problem+json for the API, the app's page for
 * browsers) before the body is buffered, whether its size is announced or streamed.
 */
@LockstepTest
class RequestLimitsTest {

	private static final long KIB = 1024;

	private static final long MIB = 1024 * KIB;

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Test
	void anApiBodyPast64KibIsRefusedWhileItStreams() throws Exception {
		Answer answer = RawHttp.send(this.port, "POST", "/api/v1/orgs/acme/projects", api("config:write"),
				"{\"slug\": \"big\", \"name\": \"".getBytes(), 200 * MIB, Framing.CHUNKED, TIMEOUT);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"status\":413", "64 KiB");
		assertThat(answer.bodyBytesWritten()).isLessThan(40 * MIB);
		assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void anAnnouncedApiBodyPastItsLimitIsRefusedUnread() throws Exception {
		Answer answer = RawHttp.send(this.port, "POST", "/api/v1/orgs/acme/projects", api("config:write"), new byte[0],
				MIB, Framing.CONTENT_LENGTH, TIMEOUT);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.bodyBytesWritten()).isZero();
	}

	@Test
	void anEnvironmentsConfigMayBeLargerThanOtherApiBodiesButNotUnbounded() throws Exception {
		Map<String, String> headers = api("config:write");
		String path = "/api/v1/orgs/acme/projects/shop/environments/staging/config";
		// 1 MiB is read (and refused for its missing If-Match, not its size) ...
		Answer within = RawHttp.send(this.port, "PUT", path, headers, "{\"message\": \"".getBytes(), MIB,
				Framing.CONTENT_LENGTH, TIMEOUT);
		assertThat(within.status()).isNotEqualTo(413).isBetween(400, 499);
		// ... 3 MiB is not.
		Answer past = RawHttp.send(this.port, "PUT", path, headers, "{\"message\": \"".getBytes(), 3 * MIB,
				Framing.CHUNKED, TIMEOUT);
		assertThat(past.status()).isEqualTo(413);
		assertThat(past.body()).contains("2 MiB");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/login", "/login/code" })
	void aSignInFormPast16KibIsRefusedWithTheAppsPage(String form) throws Exception {
		Answer answer = RawHttp.send(this.port, "POST", form,
				Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"),
				"username=a&password=".getBytes(), 100 * KIB, Framing.CONTENT_LENGTH, TIMEOUT);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.header("Content-Type")).startsWith("text/html");
		assertThat(answer.body()).contains("Back to Lockstep", "16 KiB");
		assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'");
		assertThat(answer.bodyBytesWritten()).isZero();
	}

	@Test
	void aChunkedFormIsBoundedToo() throws Exception {
		Answer answer = RawHttp.send(this.port, "POST", "/login",
				Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"),
				"username=a&password=".getBytes(), 200 * MIB, Framing.CHUNKED, TIMEOUT);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.header("Content-Type")).startsWith("text/html");
		assertThat(answer.bodyBytesWritten()).isLessThan(40 * MIB);
	}

	private Map<String, String> api(String scope) throws Exception {
		return Map.of("Content-Type", "application/json", "Accept", "application/json", "Authorization",
				"Bearer " + TokenTestSupport.secret(this.mvc, "owner@acme.test", scope));
	}

}
