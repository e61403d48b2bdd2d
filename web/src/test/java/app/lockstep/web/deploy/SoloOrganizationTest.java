package app.lockstep.web.deploy;

import java.util.List;
import java.util.UUID;

import app.lockstep.domain.code.CommitInput;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A person working alone can reach production (issue 15): the request form explains the
 * default gate (an approval from someone else) the first time it cannot be met, and
 * offers the explicit way out, self-approval on that environment, which is an audit event
 * like any change of the gate. Organizations with another approver see nothing of it.
 */
@LockstepTest
public class SoloOrganizationTest extends ScenarioTestBase {

	public static final String PASSWORD = "violet-harbour-lantern-42";

	/** A new organization with its owner alone, a project and its production. */
	public record Solo(String org, String email, MockHttpSession session) {

		public String production() {
			return "/orgs/" + this.org + "/projects/site/environments/production";
		}

	}

	public static Solo solo(MockMvc mvc) throws Exception {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String slug = "solo-" + id;
		String email = "solo-" + id + "@example.test";
		MvcResult signedUp = mvc
			.perform(post("/signup").param("email", email)
				.param("name", "Sam Solo")
				.param("password", PASSWORD)
				.param("orgName", "Solo " + id)
				.param("orgSlug", slug)
				.param("timeZone", "Europe/Paris")
				.with(csrf()))
			.andExpect(status().isFound())
			.andReturn();
		MockHttpSession session = (MockHttpSession) signedUp.getRequest().getSession(false);
		mvc.perform(post("/api/v1/orgs/" + slug + "/projects").session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slug\":\"site\",\"name\":\"Site\"}")).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/orgs/" + slug + "/projects/site/environments").session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"production\",\"tier\":\"PRODUCTION\"}")).andExpect(status().isCreated());
		return new Solo(slug, email, session);
	}

	String page(String path, MockHttpSession session) throws Exception {
		return this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void theRequestFormExplainsTheGateAndOffersAnAuditedSelfApproval() throws Exception {
		Solo solo = solo(this.mvc);
		String form = page(solo.production() + "/deployments/new", solo.session());
		assertThat(form).contains("id=\"solo-gate\"", "Nobody else here can approve deployments to",
				"<strong>1 approval</strong>", "other than the person who requested", "invite a colleague",
				"id=\"allow-self-approval-form\"",
				"action=\"" + solo.production() + "/deployment-settings/allow-self-approval\"",
				"name=\"back\" value=\"request\"", "Allow self-approval on production", "name=\"_csrf\"");

		this.mvc
			.perform(post(solo.production() + "/deployment-settings/allow-self-approval").session(solo.session())
				.with(csrf())
				.param("back", "request"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(solo.production() + "/deployments/new"))
			.andExpect(flash().attribute("flash", containsString("Self-approval allowed on production")));

		String after = page(solo.production() + "/deployments/new", solo.session());
		assertThat(after).doesNotContain("id=\"solo-gate\"").contains("(self-approval allowed)");
		String audit = page("/orgs/" + solo.org() + "/audit?action=approval_policy.updated", solo.session());
		assertThat(audit).contains("approval_policy.updated", "allowSelfApproval");
	}

	@Test
	void theirWaitingDeploymentExplainsItAndSelfApprovalLeadsBackToIt() throws Exception {
		Solo solo = solo(this.mvc);
		DeploymentScenario site = DeploymentScenario.in(this.context, solo.org(), solo.email())
			.existingProject("site", "production");
		String sha = DeploymentScenario.sha();
		site.commits(List
			.of(new CommitInput(sha, "main", "Sam Solo", "First page", DeploymentScenario.TUESDAY.toString(), null)));
		site.artifact("1.0.0", sha);
		Deployment waiting = site.request(site.owner(), "production",
				new RequestDeployment.Input("1.0.0", null, null, "queue", null, false, null));
		String path = solo.production() + "/deployments/" + waiting.id();
		assertThat(page(path, solo.session())).contains("id=\"solo-gate\"",
				"name=\"back\" value=\"" + waiting.id() + "\"");
		this.mvc
			.perform(post(solo.production() + "/deployment-settings/allow-self-approval").session(solo.session())
				.with(csrf())
				.param("back", waiting.id().toString()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(path));
		assertThat(page(path, solo.session())).doesNotContain("id=\"solo-gate\"");
	}

	@Test
	void withoutCsrfNothingChanges() throws Exception {
		Solo solo = solo(this.mvc);
		this.mvc.perform(post(solo.production() + "/deployment-settings/allow-self-approval").session(solo.session()))
			.andExpect(status().isForbidden());
		assertThat(page(solo.production() + "/deployments/new", solo.session())).contains("id=\"solo-gate\"");
	}

	@Test
	void anotherOrganizationsMemberCannotAllowIt() throws Exception {
		Solo solo = solo(this.mvc);
		this.mvc
			.perform(post(solo.production() + "/deployment-settings/allow-self-approval")
				.session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.OWNER))
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(page(solo.production() + "/deployments/new", solo.session())).contains("id=\"solo-gate\"");
	}

	@Test
	void anOrganizationWithAnotherApproverSeesNoExplanation() throws Exception {
		String form = page("/orgs/acme/projects/shop/environments/production/deployments/new",
				ProjectTestSupport.session(this.mvc, ProjectTestSupport.DEVELOPER));
		assertThat(form).doesNotContain("solo-gate");
	}

}
