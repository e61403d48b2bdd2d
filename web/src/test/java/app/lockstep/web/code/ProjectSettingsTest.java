package app.lockstep.web.code;

import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.shared.PublicUrl;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.token.TokenTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The project settings page: setting up the webhook, the URLs and the secret with copy
 * buttons, regenerating (plain form and htmx), and who may (it shows the secret: those
 * who edit projects; viewers 403, other organizations 404). And the webhook-secret API
 * for automation.
 */
@LockstepTest
class ProjectSettingsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PublicUrl publicUrl;

	@Autowired
	ReadAuditLog readAuditLog;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	String project;

	String settings;

	@BeforeEach
	void aProject() throws Exception {
		this.project = ProjectTestSupport.projectWithEnvironments(this.mvc, "settings");
		this.settings = "/orgs/acme/projects/" + this.project + "/settings";
	}

	@Test
	void settingUpThenRegeneratingKeepsTheUrlsAndChangesTheSecret() throws Exception {
		this.mvc.perform(get(this.settings).session(developer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-webhook\"")))
			.andExpect(content().string(containsString("Set up webhooks")));

		this.mvc.perform(post(this.settings + "/webhook-secret").session(developer()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(this.settings));
		String page = this.mvc.perform(get(this.settings).session(developer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.publicUrl.of("/api/v1/hooks/github/"))))
			.andExpect(content().string(containsString(this.publicUrl.of("/api/v1/hooks/gitlab/"))))
			.andExpect(content().string(containsString("data-copy-target=\"hook-secret\"")))
			.andExpect(content().string(containsString("Regenerate secret")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = between(page, "id=\"hook-secret\" aria-labelledby=\"hook-secret-label\">", "</code>");
		String githubUrl = between(page, "id=\"hook-url-github\" aria-labelledby=\"hook-url-github-label\">",
				"</code>");
		assertThat(secret).matches("^[A-Za-z0-9_-]{43}$");

		String fragment = this.mvc.perform(
				post(this.settings + "/webhook-secret").session(developer()).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(startsWith("<section")))
			.andExpect(content().string(containsString("id=\"webhook-card\"")))
			.andExpect(content().string(containsString("New secret generated")))
			.andExpect(content().string(not(containsString("<html"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(between(fragment, "id=\"hook-secret\" aria-labelledby=\"hook-secret-label\">", "</code>"))
			.isNotEqualTo(secret);
		assertThat(between(fragment, "id=\"hook-url-github\" aria-labelledby=\"hook-url-github-label\">", "</code>"))
			.isEqualTo(githubUrl);

		assertThat(ProjectTestSupport.auditEvents(this.readAuditLog, owner(), "webhook.secret_changed", this.project))
			.hasSize(2)
			.allSatisfy((event) -> assertThat(event.details().toString()).doesNotContain(secret));
	}

	@Test
	void viewersAndAuditorsMayNotSeeOrChangeTheSecret() throws Exception {
		for (String email : new String[] { ProjectTestSupport.VIEWER, ProjectTestSupport.AUDITOR }) {
			this.mvc.perform(get(this.settings).session(ProjectTestSupport.session(this.mvc, email)))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post(this.settings + "/webhook-secret").session(ProjectTestSupport.session(this.mvc, email))
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		this.mvc
			.perform(put("/api/v1/orgs/acme/projects/" + this.project + "/webhook-secret")
				.session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.VIEWER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"secret\": \"a-viewer-may-not-set-this\"}"))
			.andExpect(status().isForbidden());
		// The project page links to the settings only for those who may use them.
		this.mvc
			.perform(get("/orgs/acme/projects/" + this.project)
				.session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.VIEWER)))
			.andExpect(content().string(not(containsString("id=\"project-settings\""))))
			.andExpect(content().string(containsString("id=\"project-commits\"")));
		this.mvc.perform(get("/orgs/acme/projects/" + this.project).session(developer()))
			.andExpect(content().string(containsString("id=\"project-settings\"")));
	}

	@Test
	void anotherOrganizationIs404() throws Exception {
		var outsider = ProjectTestSupport.session(this.mvc, ProjectTestSupport.GLOBEX_OWNER);
		this.mvc.perform(get(this.settings).session(outsider)).andExpect(status().isNotFound());
		this.mvc.perform(post(this.settings + "/webhook-secret").session(outsider).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/orgs/acme/projects/no-such-project/settings").session(developer()))
			.andExpect(status().isNotFound());
	}

	@Test
	void theApiSetsTheSecretAndAnswersTheHookUrls() throws Exception {
		String token = TokenTestSupport.secret(this.mvc, ProjectTestSupport.DEVELOPER, "code:write");
		String url = "/api/v1/orgs/acme/projects/" + this.project + "/webhook-secret";
		String answer = this.mvc
			.perform(put(url).with(TokenTestSupport.bearer(token))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"secret\": \"from-automation-0123456789\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.github").value(startsWith(this.publicUrl.of("/api/v1/hooks/github/"))))
			.andExpect(jsonPath("$.gitlab").value(startsWith(this.publicUrl.of("/api/v1/hooks/gitlab/"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String hookId = JsonPath.<String>read(answer, "$.github")
			.substring(this.publicUrl.of("/api/v1/hooks/github/").length());
		assertThat(JsonPath.<String>read(answer, "$.gitlab")).endsWith("/" + hookId);
		this.mvc.perform(get(this.settings).session(developer()))
			.andExpect(content().string(containsString(">from-automation-0123456789</code>")));

		this.mvc
			.perform(put(url).with(TokenTestSupport.bearer(token))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"secret\": \"short\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("secret"));
		String readOnly = TokenTestSupport.secret(this.mvc, ProjectTestSupport.DEVELOPER, "config:read");
		this.mvc
			.perform(put(url).with(TokenTestSupport.bearer(readOnly))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"secret\": \"from-automation-0123456789\"}"))
			.andExpect(status().isForbidden());
		assertThat(ProjectTestSupport.auditEvents(this.readAuditLog, owner(), "webhook.secret_changed", this.project))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.actor().type()).isEqualTo(app.lockstep.domain.shared.Actor.Type.TOKEN);
				assertThat(event.details().toString()).doesNotContain("from-automation");
			});
	}

	private org.springframework.mock.web.MockHttpSession developer() {
		return ProjectTestSupport.session(this.mvc, ProjectTestSupport.DEVELOPER);
	}

	private Caller owner() {
		return ProjectTestSupport.caller(this.users, this.memberships, this.transactions, ProjectTestSupport.OWNER,
				"acme");
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as("found " + start).isNotNegative();
		int to = text.indexOf(end, from + start.length());
		return text.substring(from + start.length(), to).strip();
	}

}
