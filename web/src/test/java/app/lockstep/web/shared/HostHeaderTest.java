package app.lockstep.web.shared;

import java.util.UUID;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Whatever {@code Host} (or {@code X-Forwarded-Host}) a client sends, absolute links and
 * redirects point to the public URL: the redirect back after logging in, invitation
 * links, hook URLs and {@code Location} headers. (Unconfigured, as here, the public URL
 * is {@code http://localhost:<port>}.)
 */
@LockstepTest
class HostHeaderTest {

	private static final String EVIL = "evil.example";

	@Autowired
	MockMvc mvc;

	@Autowired
	PublicUrl publicUrl;

	@Test
	void theRedirectsAroundLoggingInNeverNameTheClientsHost() throws Exception {
		MvcResult challenged = this.mvc.perform(get("/orgs/acme/members").with(forgedHost())).andReturn();
		assertThat(challenged.getResponse().getStatus()).isEqualTo(302);
		assertSafe(challenged.getResponse().getRedirectedUrl());
		MockHttpSession session = (MockHttpSession) challenged.getRequest().getSession(false);

		MvcResult loggedIn = this.mvc
			.perform(post("/login").session(session)
				.with(forgedHost())
				.with(csrf())
				.param("username", "viewer@acme.test")
				.param("password", "lockstep-demo"))
			.andReturn();
		String back = loggedIn.getResponse().getRedirectedUrl();
		assertThat(back).contains("/orgs/acme/members");
		assertSafe(back);
	}

	@Test
	void invitationLinksUseThePublicUrl() throws Exception {
		String html = this.mvc
			.perform(post("/orgs/acme/members/invitations").session(owner())
				.with(forgedHost())
				.with(csrf())
				.param("email", "host-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test")
				.param("role", "VIEWER"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains(this.publicUrl.of("/invitations/")).doesNotContain(EVIL);
	}

	@Test
	void locationHeadersAndHookUrlsUseThePublicUrl() throws Exception {
		String slug = "host-" + UUID.randomUUID().toString().substring(0, 8);
		MvcResult created = this.mvc
			.perform(post("/api/v1/orgs/acme/projects").session(owner())
				.with(forgedHost())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"slug\": \"" + slug + "\", \"name\": \"Host\"}"))
			.andReturn();
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		assertThat(created.getResponse().getHeader("Location"))
			.isEqualTo(this.publicUrl.of("/api/v1/orgs/acme/projects/" + slug));

		String hooks = this.mvc
			.perform(put("/api/v1/orgs/acme/projects/" + slug + "/webhook-secret").session(owner())
				.with(forgedHost())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"secret\": \"host-header-secret-0123456789\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(hooks, "$.github")).startsWith(this.publicUrl.of("/api/v1/hooks/github/"));
		assertThat(hooks).doesNotContain(EVIL);
	}

	private void assertSafe(String url) {
		assertThat(url).doesNotContain(EVIL);
		if (url.contains("://")) {
			assertThat(url).startsWith(this.publicUrl.base().toString());
		}
	}

	private MockHttpSession owner() {
		return new SessionCache(this.mvc).sessionOf("owner@acme.test");
	}

	private static RequestPostProcessor forgedHost() {
		return (request) -> {
			request.setServerName(EVIL);
			request.setServerPort(443);
			request.setScheme("https");
			request.addHeader("Host", EVIL);
			request.addHeader("X-Forwarded-Host", EVIL);
			request.addHeader("Forwarded", "host=" + EVIL);
			return request;
		};
	}

}
