package app.lockstep.web.shared;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.token.TokenTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error the application or Tomcat produces, over real HTTP: problem+json for API
 * clients (a path under /api, or an Accept header asking for JSON), the app's own page
 * for browsers, never Spring Boot's or Tomcat's default body, and always with the
 * protective headers.
 */
@LockstepTest
class ErrorResponsesTest {

	private static final String JSON = "application/json";

	private static final String HTML = "text/html,application/xhtml+xml";

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	final HttpClient client = HttpClient.newHttpClient();

	String token;

	@BeforeEach
	void aToken() throws Exception {
		this.token = TokenTestSupport.secret(this.mvc, "owner@acme.test", "config:read", "config:write");
	}

	@Test
	void notFoundMethodNotAllowedAndUnsupportedMediaTypeAreProblemsForTheApi() throws Exception {
		assertProblem(send(api("/api/v1/orgs/acme/no/such/thing").GET()), 404);
		HttpResponse<String> notAllowed = send(api("/api/v1/orgs/acme/tokens").DELETE());
		assertProblem(notAllowed, 405);
		assertThat(notAllowed.headers().firstValue("Allow")).isPresent();
		assertProblem(send(
				api("/api/v1/orgs/acme/projects/shop/environments/staging/config").header("Content-Type", "text/plain")
					.header("If-Match", "\"r1-p0-json\"")
					.PUT(BodyPublishers.ofString("x"))),
				415);
		String multipart = "--b\r\nContent-Disposition: form-data; name=\"slug\"\r\n\r\nx\r\n--b--\r\n";
		assertProblem(send(api("/api/v1/orgs/acme/projects/shop/environments/staging/config")
			.header("Content-Type", "multipart/form-data; boundary=b")
			.header("If-Match", "\"r1-p0-json\"")
			.PUT(BodyPublishers.ofString(multipart))), 415);
		assertProblem(send(api("/api/v1/orgs/acme/projects").header("Content-Type", "multipart/form-data; boundary=b")
			.POST(BodyPublishers.ofString(multipart))), 415);
	}

	@Test
	void aSessionsApiCallWithoutItsCsrfTokenIsAProblemNamingTheToken() throws Exception {
		HttpClient browser = signedIn();
		HttpResponse<String> refused = browser.send(request("/api/v1/orgs/acme/projects").header("Accept", JSON)
			.header("Content-Type", JSON)
			.POST(BodyPublishers.ofString("{\"slug\": \"no-csrf\", \"name\": \"No CSRF\"}"))
			.build(), BodyHandlers.ofString());
		assertProblem(refused, 403);
		assertThat(refused.body()).contains("CSRF");
	}

	@Test
	void aFormWithoutItsCsrfTokenGetsTheAppsPage() throws Exception {
		HttpClient browser = signedIn();
		HttpResponse<String> refused = browser.send(request("/orgs/new").header("Accept", HTML)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("orgName=X&orgSlug=x"))
			.build(), BodyHandlers.ofString());
		assertPage(refused, 403);
	}

	@Test
	void browsersGetTheAppsPagesForTheSameErrors() throws Exception {
		HttpClient browser = signedIn();
		assertPage(browser.send(request("/orgs/acme/no/such/page").header("Accept", HTML).GET().build(),
				BodyHandlers.ofString()), 404);
		assertPage(browser.send(request("/orgs/acme/projects/shop/delete").header("Accept", HTML).GET().build(),
				BodyHandlers.ofString()), 405);
	}

	@Test
	void anAddressPast8KibIs414InTheCallersFormat() throws Exception {
		String long8k = "/x".repeat(4200);
		assertProblem(send(api("/api/v1/orgs/acme" + long8k).GET()), 414);
		assertPage(this.client.send(request("/orgs/acme" + long8k).header("Accept", HTML).GET().build(),
				BodyHandlers.ofString()), 414);
	}

	@Test
	void whatTomcatRefusesItselfCarriesTheHeadersAndNoTomcatPage() throws Exception {
		// An encoded NUL in the path: refused by Tomcat before any filter.
		assertProblem(send(api("/api/v1/orgs/a%00b/projects").GET()), 400);
		// A request line past 16 KB: Tomcat cannot even read the path.
		HttpResponse<String> huge = this.client.send(request("/orgs/" + "a".repeat(20_000)).GET().build(),
				BodyHandlers.ofString());
		assertProblem(huge, 400);
		assertThat(huge.body()).doesNotContain("Apache Tomcat", "HTTP Status 400 –");
	}

	@Test
	void traceIsRefusedInTheCallersFormat() throws Exception {
		HttpResponse<String> api = send(api("/api/v1/orgs/acme/projects").method("TRACE", BodyPublishers.noBody()));
		assertProblem(api, 405);
		assertThat(api.body()).doesNotContain("Authorization", this.token);
		assertPage(this.client.send(
				request("/login").header("Accept", HTML).method("TRACE", BodyPublishers.noBody()).build(),
				BodyHandlers.ofString()), 405);
	}

	private HttpRequest.Builder api(String path) {
		return request(path).header("Accept", JSON).header("Authorization", "Bearer " + this.token);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString())
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":" + status, "\"detail\":");
		assertProtected(response);
	}

	private static void assertPage(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("Lockstep", String.valueOf(status))
			.doesNotContain("Whitelabel", "Apache Tomcat", "\"timestamp\"");
		assertProtected(response);
	}

	private static void assertProtected(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().toString())
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	private HttpClient signedIn() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> loginPage = browser.send(request("/login").GET().build(), BodyHandlers.ofString());
		String csrf = loginPage.body().replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
		HttpResponse<String> login = browser
			.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString("username=owner%40acme.test&password=lockstep-demo&_csrf=" + csrf))
				.build(), BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		return browser;
	}

}
