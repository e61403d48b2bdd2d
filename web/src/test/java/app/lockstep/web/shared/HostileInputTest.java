package app.lockstep.web.shared;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.token.TokenTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static app.lockstep.web.token.TokenTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Inputs that answered 500 (PostgreSQL refusing them, or a controller tripping over
 * them): each is now a specific 4xx problem naming the field, and nothing is stored. The
 * webhook's own case is in WebhookHostileInputTest.
 */
@LockstepTest
class HostileInputTest {

	private static final String NUL = "a\\u0000b";

	private static final String FAR_FUTURE = "+999999999-12-31T23:59:59Z";

	private static final String ENV = "/api/v1/orgs/acme/projects/shop/environments/staging";

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	String token;

	@BeforeEach
	void aToken() throws Exception {
		this.token = TokenTestSupport.secret(this.mvc, "owner@acme.test", "config:read", "config:write",
				"deployments:write", "code:write", "audit:read");
	}

	@Test
	void aNulCharacterInAJsonTextIsRefusedWithItsPath() throws Exception {
		String slug = ProjectTestSupport.uniqueSlug("nul");
		refused(postJson("/api/v1/orgs/acme/projects", "{\"slug\": \"" + slug + "\", \"name\": \"" + NUL + "\"}"), 422,
				"name");
		assertThat(ProjectTestSupport.projectExists(this.mvc, slug)).isFalse();
		refused(postJson("/api/v1/orgs/acme/projects/shop/environments",
				"{\"name\": \"nul-env\", \"tier\": \"STAGING\", \"branchPattern\": \"" + NUL + "\"}"), 422,
				"branchPattern");
		refused(postJson("/api/v1/orgs/acme/projects/shop/code-changes", "{\"commits\": [{\"sha\": \"" + "c".repeat(40)
				+ "\", \"branch\": \"main\", \"message\": \"" + NUL + "\", \"timestamp\": \"2026-01-01T00:00:00Z\"}]}"),
				422, "commits[0].message");
		refused(postJson("/api/v1/orgs/acme/freezes",
				"{\"start\": \"2027-01-01T00:00:00Z\", \"end\": \"2027-01-02T00:00:00Z\", \"reason\": \"" + NUL
						+ "\"}"),
				422, "reason");
	}

	@Test
	void aNulCharacterInAConfigVariableIsRefusedBeforeTheConfigIsSaved() throws Exception {
		String etag = this.mvc.perform(get(ENV + "/config").with(bearer(this.token)))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		refused(this.mvc.perform(put(ENV + "/config").with(bearer(this.token))
			.header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"infrastructure\": \"\", \"variables\": [{\"name\": \"A\", \"value\": \"" + NUL
					+ "\"}], \"message\": \"nul\"}")),
				422, "variables[0].value");
		// a null item where a variable belongs is named too, instead of tripping the
		// controller
		refused(this.mvc.perform(put(ENV + "/config").with(bearer(this.token))
			.header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"infrastructure\": \"\", \"variables\": [null]}")), 400, "variables[0]");
		this.mvc.perform(get(ENV + "/config").with(bearer(this.token)))
			.andExpect(result -> assertThat(result.getResponse().getHeader("ETag")).isEqualTo(etag));
	}

	@Test
	void aNulCharacterInAQueryParameterIsRefusedWithItsName() throws Exception {
		// Over real HTTP: the refusal comes from a filter, answered through the error
		// page.
		for (String parameter : new String[] { "code-changes?branch", "artifacts?before" }) {
			HttpResponse<String> refused = this.http
				.send(HttpRequest.newBuilder(uri("/api/v1/orgs/acme/projects/shop/" + parameter + "=a%00b"))
					.header("Authorization", "Bearer " + this.token)
					.build(), BodyHandlers.ofString());
			assertThat(refused.statusCode()).isEqualTo(422);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			String name = parameter.substring(parameter.indexOf('?') + 1);
			assertThat(refused.body()).contains("\"field\":\"" + name + "\"", "NUL");
		}
	}

	@Test
	void aNulCharacterInAFormIsRefusedWithTheAppsPage() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String csrf = csrf(browser.send(HttpRequest.newBuilder(uri("/login")).build(), BodyHandlers.ofString()));
		browser.send(form("/login", "username=owner%40acme.test&password=lockstep-demo&_csrf=" + csrf),
				BodyHandlers.ofString());
		csrf = csrf(browser.send(HttpRequest.newBuilder(uri("/orgs/new")).build(), BodyHandlers.ofString()));
		String slug = ProjectTestSupport.uniqueSlug("nul");
		HttpResponse<String> refused = browser
			.send(form("/orgs/new", "orgName=a%00b&orgSlug=" + slug + "&_csrf=" + csrf), BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(refused.body()).contains("Back to Lockstep", "NUL");
		assertThat(browser.send(HttpRequest.newBuilder(uri("/orgs/" + slug)).build(), BodyHandlers.ofString())
			.statusCode()).isEqualTo(404);
	}

	private HttpRequest form(String path, String body) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(BodyPublishers.ofString(body))
			.build();
	}

	private static String csrf(HttpResponse<String> page) {
		return page.body().replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@Test
	void timesBeyondTheYear9999AreRefusedWithTheField() throws Exception {
		refused(this.mvc.perform(get("/api/v1/orgs/acme/audit").with(bearer(this.token)).param("from", FAR_FUTURE)),
				422, "from");
		refused(this.mvc.perform(get("/api/v1/orgs/acme/audit/export").with(bearer(this.token))
			.param("to", "-999999999-01-01T00:00:00Z")), 422, "to");
		refused(postJson("/api/v1/orgs/acme/freezes",
				"{\"start\": \"-999999999-01-01T00:00:00Z\", \"end\": \"" + FAR_FUTURE + "\", \"reason\": \"r\"}"), 422,
				"start");
		refused(postJson("/api/v1/orgs/acme/projects/shop/code-changes", "{\"commits\": [{\"sha\": \"" + "d".repeat(40)
				+ "\", \"branch\": \"main\", \"message\": \"m\", " + "\"timestamp\": \"" + FAR_FUTURE + "\"}]}"), 422,
				"commits[0].timestamp");
	}

	@Test
	void anIfMatchWhoseNumberOverflowsIsAStalePrecondition() throws Exception {
		this.mvc
			.perform(put(ENV + "/config").with(bearer(this.token))
				.header("If-Match", "\"r99999999999999999999-p0-json\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"infrastructure\": \"\", \"variables\": []}"))
			.andExpect(status().isPreconditionFailed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("If-Match")));
	}

	@Test
	void aValueOfTheWrongTypeIsNamed() throws Exception {
		refused(postJson(ENV + "/deployments", "{\"artifact\": \"1.4.2\", \"configRevision\": \"one\"}"), 400,
				"configRevision");
		refused(postJson(ENV + "/deployments", "{\"artifact\": \"1.4.2\", \"configRevision\": 99999999999999999999}"),
				400, "configRevision");
		refused(this.mvc.perform(put(ENV + "/windows").with(bearer(this.token))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"timeZone\": \"UTC\", \"blocks\": \"friday\"}")), 400, "blocks");
	}

	private ResultActions postJson(String path, String json) throws Exception {
		return this.mvc
			.perform(post(path).with(bearer(this.token)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private static void refused(ResultActions result, int status, String field) throws Exception {
		result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

}
