package app.lockstep.web.tenancy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.twofactor.Base32;
import app.lockstep.domain.twofactor.Totp;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Switching two-factor authentication on ends the person's other browser sessions (a
 * session opened elsewhere with the password alone must not outlive it) and keeps the one
 * they used, over real HTTP with sessions in the database as in production.
 */
@LockstepTest
class TwoFactorEndsOtherSessionsTest {

	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ResolveMembership resolveMembership;

	@Test
	void switchingItOnSignsOutTheOtherSessionsAndKeepsThisOne() throws Exception {
		String email = new TenancyFixtures(this.mvc, this.resolveMembership).newOrg().owner().email();
		Browser here = new Browser();
		Browser elsewhere = new Browser();
		here.logIn(email);
		elsewhere.logIn(email);
		Browser bystander = new Browser();
		bystander.logIn("viewer@acme.test", "lockstep-demo");

		here.post("/account/security/setup", "");
		Matcher secret = TwoFactorFixtures.SECRET.matcher(here.get("/account/security/setup").body());
		assertThat(secret.find()).as("the secret on the setup page").isTrue();
		String code = Totp.code(Base32.decode(secret.group(1)), this.clock.instant());
		HttpResponse<String> confirmed = here.post("/account/security/setup/confirm", "code=" + code);

		assertThat(confirmed.statusCode()).isEqualTo(200);
		// The other browser's session and the one the sign-up opened.
		assertThat(confirmed.body()).contains("Two-factor authentication is on.",
				"Your 2 other sessions were signed out.");
		assertThat(elsewhere.get("/account/security").headers().firstValue("Location"))
			.as("the other session, sent to log in")
			.hasValueSatisfying((location) -> assertThat(location).contains("/login"));
		assertThat(here.get("/account/security").statusCode()).as("the session that switched it on").isEqualTo(200);
		assertThat(bystander.get("/account/security").statusCode()).as("someone else's session").isEqualTo(200);
	}

	/** One browser: its own cookies, the CSRF token of the last page it read. */
	private final class Browser {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private String csrf = "";

		void logIn(String email) throws Exception {
			logIn(email, TenancyFixtures.PASSWORD);
		}

		void logIn(String email, String password) throws Exception {
			get("/login");
			HttpResponse<String> login = post("/login",
					"username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + password);
			assertThat(login.statusCode()).isEqualTo(302);
			get("/account/security");
		}

		HttpResponse<String> get(String path) throws Exception {
			HttpResponse<String> page = this.http.send(
					HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF.matcher(page.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			return page;
		}

		HttpResponse<String> post(String path, String form) throws Exception {
			String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + this.csrf;
			return this.http.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private URI uri(String path) {
			return URI.create("http://localhost:" + TwoFactorEndsOtherSessionsTest.this.port + path);
		}

	}

}
