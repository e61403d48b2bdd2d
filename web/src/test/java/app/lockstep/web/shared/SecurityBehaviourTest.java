package app.lockstep.web.shared;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Headers, cookies, CSRF, health and error pages, seen as a browser or a client would see
 * them.
 */
@LockstepTest
class SecurityBehaviourTest {

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Test
	void everyPageCarriesAStrictContentSecurityPolicyAndTheOtherProtectiveHeaders() throws Exception {
		MvcResult result = this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(content().string(containsString("<meta name=\"_csrf\" content=\"")))
			.andExpect(content().string(containsString("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"")))
			.andReturn();
		String csp = result.getResponse().getHeader("Content-Security-Policy");
		assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLaxAndChangesAtLogin() throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> loginPage = client.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		List<String> cookies = loginPage.headers().allValues("Set-Cookie");
		assertThat(cookies).anySatisfy((cookie) -> assertThat(cookie).startsWith("SESSION=")
			.contains("HttpOnly")
			.containsIgnoringCase("SameSite=Lax"));
		String before = sessionId(cookies);
		String token = loginPage.body().replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=viewer%40acme.test&password=lockstep-demo&_csrf=" + token))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).doesNotContain("error"));
		String after = sessionId(login.headers().allValues("Set-Cookie"));
		assertThat(after).isNotBlank().isNotEqualTo(before);
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
		MockHttpSession owner = new SessionCache(this.mvc).sessionOf("owner@acme.test");
		this.mvc.perform(post("/orgs/new").session(owner).param("orgName", "No Token").param("orgSlug", "no-token"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/login").param("username", "owner@acme.test").param("password", "lockstep-demo"))
			.andExpect(status().isForbidden());
	}

	@Test
	void healthIsUpForAnyoneWithoutDetails() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist())
			.andExpect(jsonPath("$.details").doesNotExist());
	}

	@Test
	void theApiAnswers401AsProblemJsonWithoutCredentials() throws Exception {
		this.mvc.perform(get("/api/v1/orgs/acme/projects"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void errorPagesAreTheAppsOwnWithoutInternals() throws Exception {
		HttpClient client = loggedIn("viewer@acme.test");
		for (String path : List.of("/orgs/acme/no/such/page", "/orgs/globex",
				"/orgs/acme/projects/" + UUID.randomUUID())) {
			HttpResponse<String> page = client.send(
					HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path)
				.contains("We could not find that page")
				.doesNotContain("Exception", "at app.lockstep", "Whitelabel");
		}
	}

	@Test
	void aServerErrorShowsTheAppsOwnPageWithoutInternals() throws Exception {
		HttpResponse<String> page = loggedIn("viewer@acme.test").send(
				HttpRequest.newBuilder(uri("/test-only/failure")).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(500);
		assertThat(page.body()).contains("Something went wrong", "Back to Lockstep")
			.doesNotContain("internal detail", "IllegalStateException", "Whitelabel", "at app.lockstep");
	}

	private HttpClient loggedIn(String email) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> loginPage = client.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		String token = loginPage.body().replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + email.replace("@", "%40") + "&password=lockstep-demo&_csrf=" + token))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		return client;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String sessionId(List<String> setCookies) {
		return setCookies.stream()
			.filter((c) -> c.startsWith("SESSION="))
			.map((c) -> c.substring("SESSION=".length(), c.indexOf(';')))
			.findFirst()
			.orElse("");
	}

}
