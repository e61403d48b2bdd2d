package app.lockstep.web.token;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;

import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.shared.PublicUrl;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * /orgs/{org}/tokens: list, create (secret shown once), revoke; with and without htmx.
 */
@LockstepTest
class TokensPageTest {

	static final String PAGE = "/orgs/acme/tokens";

	private static final Pattern SECRET = Pattern.compile("lst_[A-Za-z0-9_-]{43}");

	@Autowired
	MockMvc mvc;

	@Autowired
	PublicUrl publicUrl;

	MockHttpSession as(String email) {
		return ProjectTestSupport.session(this.mvc, email);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "owner@acme.test", "lead@acme.test", "dev@acme.test", "viewer@acme.test", "auditor@acme.test" })
	void everyMemberHasThePageAndTheNavLink(String email) throws Exception {
		this.mvc.perform(get(PAGE).session(as(email)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("section", "tokens"))
			.andExpect(content().string(allOf(containsString("id=\"token-form\""),
					containsString("href=\"/orgs/acme/tokens\""), containsString("API tokens"))));
		this.mvc.perform(get("/orgs/acme").session(as(email)))
			.andExpect(content().string(containsString("href=\"/orgs/acme/tokens\"")));
	}

	@Test
	void theCurlExampleUsesThisServersOwnAddress() throws Exception {
		String html = this.mvc.perform(get(PAGE).session(as(ProjectTestSupport.DEVELOPER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains(this.publicUrl.of("/api/v1/orgs/acme/projects")).doesNotContain("example.com/api");
	}

	@Test
	void aViewerIsOfferedOnlyTheScopesTheirRoleAllows() throws Exception {
		String html = this.mvc.perform(get(PAGE).session(as(ProjectTestSupport.VIEWER)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(checkbox(html, "scope-config-read")).doesNotContain("disabled");
		assertThat(checkbox(html, "scope-config-write")).contains("disabled");
		assertThat(checkbox(html, "scope-audit-read")).contains("disabled");
	}

	@Test
	void creatingOnThePlainPageShowsTheSecretOnceAndNeverAgain() throws Exception {
		String name = "page " + ProjectTestSupport.uniqueSlug("t");
		String html = this.mvc
			.perform(form(name).param("scopes", "config:read", "config:write")
				.param("project", "shop")
				.param("environment", "production")
				.param("expiresInDays", "7"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"token-result\""),
					containsString("data-copy-target=\"new-token\""), containsString("shop / production"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = secretIn(html);
		assertThat(html).contains(name, secret.substring(0, 12));
		String later = this.mvc.perform(get(PAGE).session(as(ProjectTestSupport.LEAD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(later).contains(name, secret.substring(0, 12) + "…").doesNotContain(secret);
		assertThat(SECRET.matcher(later).find()).isFalse();
		this.mvc
			.perform(get("/api/v1/orgs/acme/projects/shop/environments/production")
				.with(TokenTestSupport.bearer(secret)))
			.andExpect(status().isOk());
	}

	@Test
	void creatingWithHtmxAnswersTheCardWithTheSecretAndTheListOutOfBand() throws Exception {
		String name = "htmx " + ProjectTestSupport.uniqueSlug("t");
		String html = this.mvc.perform(form(name).param("scopes", "config:read").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"token-panel\""), containsString("id=\"api-tokens\""),
					containsString("hx-swap-oob=\"true\""), not(containsString("<nav")))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(SECRET.matcher(html).results().map(java.util.regex.MatchResult::group).distinct()).hasSize(1);
		assertThat(html).contains(name);
	}

	@Test
	void refusedInputIs422WithTheMessagesBesideTheFieldsAndTheInputKept() throws Exception {
		for (boolean htmx : new boolean[] { false, true }) {
			MockHttpServletRequestBuilder request = form("").param("project", "shop")
				.param("environment", "nowhere")
				.param("expiresInDays", "forever");
			if (htmx) {
				request.header("HX-Request", "true");
			}
			this.mvc.perform(request)
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(allOf(containsString("id=\"name-error\""),
						containsString("id=\"scopes-error\""), containsString("Choose at least one scope"),
						containsString("Choose between 1 and 365 days."), containsString("value=\"forever\""),
						containsString("value=\"nowhere\""))))
				.andExpect(content().string(not(containsString("id=\"token-result\""))));
		}
		this.mvc
			.perform(form("unknown env").param("scopes", "config:read")
				.param("project", "shop")
				.param("environment", "nowhere"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("No environment &quot;nowhere&quot; in the project shop.")));
	}

	@Test
	void aScopeBeyondTheRoleIsRefusedWith403() throws Exception {
		this.mvc
			.perform(post(PAGE).session(as(ProjectTestSupport.VIEWER))
				.with(csrf())
				.param("name", "viewer writes")
				.param("scopes", "config:write"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("does not allow tokens with the scope config:write")));
	}

	@Test
	void revokingOnThePlainPageRedirectsWithAMessage() throws Exception {
		String id = JsonPath.read(TokenTestSupport.create(this.mvc, ProjectTestSupport.LEAD,
				"{\"name\": \"plain revoke\", \"scopes\": [\"config:read\"]}"), "$.id");
		this.mvc.perform(post(PAGE + "/" + id + "/revoke").session(as(ProjectTestSupport.LEAD)).with(csrf()))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("flash", "The token \"plain revoke\" was revoked; it no longer works."));
		this.mvc.perform(post(PAGE + "/" + id + "/revoke").session(as(ProjectTestSupport.LEAD)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("was already revoked")));
	}

	@Test
	void revokingWithHtmxAnswersTheRowMarkedRevoked() throws Exception {
		String id = JsonPath.read(TokenTestSupport.create(this.mvc, ProjectTestSupport.DEVELOPER,
				"{\"name\": \"htmx revoke\", \"scopes\": [\"config:read\"]}"), "$.id");
		this.mvc
			.perform(post(PAGE + "/" + id + "/revoke").session(as(ProjectTestSupport.DEVELOPER))
				.with(csrf())
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"token-" + id + "\""), containsString("Revoked"),
					not(containsString("/revoke\"")), not(containsString("<nav")))));
	}

	@Test
	void someoneElsesTokenCannotBeRevokedByAMember() throws Exception {
		String id = JsonPath.read(TokenTestSupport.create(this.mvc, ProjectTestSupport.LEAD,
				"{\"name\": \"not yours\", \"scopes\": [\"config:read\"]}"), "$.id");
		this.mvc.perform(post(PAGE + "/" + id + "/revoke").session(as(ProjectTestSupport.VIEWER)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(PAGE).session(as(ProjectTestSupport.VIEWER)))
			.andExpect(content().string(not(containsString("token-" + id))));
		this.mvc.perform(get(PAGE).session(as(ProjectTestSupport.OWNER)))
			.andExpect(content().string(allOf(containsString("token-" + id), containsString("by Leo Lead"))));
	}

	private MockHttpServletRequestBuilder form(String name) {
		return post(PAGE).session(as(ProjectTestSupport.LEAD)).with(csrf()).param("name", name);
	}

	private static String secretIn(String html) {
		Matcher matcher = SECRET.matcher(html);
		assertThat(matcher.find()).as("a secret on the page").isTrue();
		return matcher.group();
	}

	private static String checkbox(String html, String id) {
		Matcher matcher = Pattern.compile("<input[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
		assertThat(matcher.find()).as(id).isTrue();
		return matcher.group();
	}

}
