package app.lockstep.web.project;

import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.testing.LockstepTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static app.lockstep.web.project.ProjectTestSupport.AUDITOR;
import static app.lockstep.web.project.ProjectTestSupport.DEVELOPER;
import static app.lockstep.web.project.ProjectTestSupport.OWNER;
import static app.lockstep.web.project.ProjectTestSupport.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The environment page (details, placeholders, edit, delete) and moving environments in
 * the promotion order, with htmx (the list fragment) and without (a redirect).
 */
@LockstepTest
class EnvironmentPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ReadAuditLog readAuditLog;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership resolveMembership;

	@Autowired
	Transactions transactions;

	MockHttpSession as(String email) {
		return ProjectTestSupport.session(this.mvc, email);
	}

	ResultActions move(String email, String slug, String environment, String direction, boolean htmx) throws Exception {
		var request = post("/orgs/acme/projects/" + slug + "/environments/" + environment + "/move").session(as(email))
			.with(csrf())
			.param("direction", direction);
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return this.mvc.perform(request);
	}

	@Test
	void theEnvironmentPageShowsOperationsFirstAndKeepsTheFormsOnTheSettingsTab() throws Exception {
		this.mvc.perform(get("/orgs/acme/projects/shop/environments/staging").session(as(OWNER)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("section", "dashboard"))
			.andExpect(content().string(allOf(containsString("Stage 2 of 3"), containsString("Europe/Paris"),
					containsString("main"), containsString("id=\"live-deployment\""), containsString("1.4.2"),
					containsString("Revision 2"), containsString("id=\"operations-tab\""),
					containsString("href=\"/orgs/acme/projects/shop/environments/staging/settings\""),
					not(containsString("id=\"edit-environment-form\"")), not(containsString("id=\"danger-zone\"")))))
			.andExpect(content()
				.string(stringContainsInOrder("id=\"deployments\"", "id=\"config\"", "id=\"deployment-windows\"")))
			.andExpect(content().string(not(containsString("style="))));
		this.mvc.perform(get("/orgs/acme/projects/shop/environments/staging/settings").session(as(OWNER)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("section", "dashboard"))
			.andExpect(content().string(allOf(containsString("Stage 2 of 3"), containsString("after development"),
					containsString("before production"), containsString("Europe/Paris"),
					containsString("id=\"edit-environment-form\""), containsString("id=\"danger-zone\""),
					containsString("data-confirm-match=\"staging\""),
					containsString("<option value=\"STAGING\" selected=\"selected\">Staging</option>"),
					not(containsString("id=\"live-deployment\"")))))
			.andExpect(content().string(not(containsString("style="))));
	}

	@Test
	void aViewerReadsTheEnvironmentButGetsNoForms() throws Exception {
		this.mvc.perform(get("/orgs/acme/projects/shop/environments/production").session(as(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Stage 3 of 3"),
					not(containsString("edit-environment-form")), not(containsString("danger-zone")))));
		this.mvc.perform(get("/orgs/acme/projects/shop/environments/production/settings").session(as(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Stage 3 of 3"), containsString("id=\"read-only-note\""),
					not(containsString("edit-environment-form")), not(containsString("danger-zone")))));
	}

	@Test
	void anUnknownEnvironmentIs404() throws Exception {
		this.mvc.perform(get("/orgs/acme/projects/shop/environments/nowhere").session(as(OWNER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/orgs/acme/projects/nothing/environments/staging").session(as(OWNER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/orgs/acme/projects/shop/environments/nowhere/settings").session(as(OWNER)))
			.andExpect(status().isNotFound());
	}

	// --- moving

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void movingDownSwapsWithTheNextAndKeepsPositionsWithoutGaps(boolean htmx) throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "move-down");
		ResultActions result = move(DEVELOPER, slug, "development", "down", htmx);
		if (htmx) {
			result.andExpect(status().isOk())
				.andExpect(content().string(startsWith("<section id=\"environment-list\"")))
				.andExpect(content().string(allOf(not(containsString("<html")), not(containsString("<nav")),
						containsString("moved down to stage 2"))))
				.andExpect(content().string(stringContainsInOrder("data-environment=\"staging\" data-position=\"1\"",
						"data-environment=\"development\" data-position=\"2\"",
						"data-environment=\"production\" data-position=\"3\"")));
		}
		else {
			result.andExpect(status().isFound())
				.andExpect(redirectedUrl("/orgs/acme/projects/" + slug))
				.andExpect(flash().attribute("flash", containsString("moved down to stage 2")));
		}
		assertThat(ProjectTestSupport.environmentNames(this.mvc, slug)).containsExactly("staging", "development",
				"production");
		assertThat(ProjectTestSupport.positions(this.mvc, slug)).containsExactly(1, 2, 3);
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void movingUpSwapsWithThePrevious(boolean htmx) throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "move-up");
		move(OWNER, slug, "production", "up", htmx).andExpect(htmx ? status().isOk() : status().isFound());
		assertThat(ProjectTestSupport.environmentNames(this.mvc, slug)).containsExactly("development", "production",
				"staging");
		assertThat(ProjectTestSupport.positions(this.mvc, slug)).containsExactly(1, 2, 3);
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void movingPastEitherEndChangesNothing(boolean htmx) throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "move-edge");
		move(OWNER, slug, "development", "up", htmx).andExpect(htmx ? status().isOk() : status().isFound());
		move(OWNER, slug, "production", "down", htmx).andExpect(htmx ? status().isOk() : status().isFound());
		assertThat(ProjectTestSupport.environmentNames(this.mvc, slug)).containsExactly("development", "staging",
				"production");
		assertThat(ProjectTestSupport.positions(this.mvc, slug)).containsExactly(1, 2, 3);
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void viewersAndAuditorsCannotReorder(boolean htmx) throws Exception {
		move(VIEWER, "shop", "staging", "up", htmx).andExpect(status().isForbidden());
		move(AUDITOR, "shop", "development", "up", htmx).andExpect(status().isForbidden());
		assertThat(ProjectTestSupport.environmentNames(this.mvc, "shop")).containsExactly("development", "staging",
				"production");
	}

	@Test
	void anUnknownDirectionIsRefused() throws Exception {
		move(OWNER, "shop", "staging", "sideways", false).andExpect(status().isUnprocessableContent());
		assertThat(ProjectTestSupport.environmentNames(this.mvc, "shop")).containsExactly("development", "staging",
				"production");
	}

	// --- editing

	@Test
	void editingRenamesRetiersAndMovesTheEnvironment() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "edit-env");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/environments/staging/edit").session(as(DEVELOPER))
				.with(csrf())
				.param("name", "uat")
				.param("tier", "STAGING")
				.param("position", "3")
				.param("branchPattern", "")
				.param("timeZone", "Asia/Tokyo"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/orgs/acme/projects/" + slug + "/environments/uat/settings"))
			.andExpect(flash().attribute("flash", containsString("saved")));
		String json = ProjectTestSupport.projectJson(this.mvc, slug);
		assertThat(ProjectTestSupport.environmentNames(this.mvc, slug)).containsExactly("development", "production",
				"uat");
		assertThat(ProjectTestSupport.positions(this.mvc, slug)).containsExactly(1, 2, 3);
		assertThat((String) JsonPath.read(json, "$.environments[2].timeZone")).isEqualTo("Asia/Tokyo");
		assertThat((Object) JsonPath.read(json, "$.environments[2].branchPattern")).isNull();
		this.mvc.perform(get("/orgs/acme/projects/" + slug + "/environments/uat/settings").session(as(DEVELOPER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Stage 3 of 3"), containsString("Any branch"))));
	}

	@Test
	void aRefusedEditKeepsTheInputAndSavesNothing() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "bad-env-edit");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/environments/staging/edit").session(as(OWNER))
				.with(csrf())
				.param("name", "renamed")
				.param("tier", "ULTRA")
				.param("position", "0")
				.param("branchPattern", "main")
				.param("timeZone", "Europe/Atlantis"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"tier-error\""),
					containsString("id=\"timeZone-error\""), containsString("id=\"position-error\""),
					containsString("value=\"renamed\""), containsString("value=\"Europe/Atlantis\""))));
		assertThat(ProjectTestSupport.environmentNames(this.mvc, slug)).containsExactly("development", "staging",
				"production");
	}

	@Test
	void renamingToATakenNameIsRefusedBesideTheName() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "dup-rename");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/environments/staging/edit").session(as(OWNER))
				.with(csrf())
				.param("name", "production")
				.param("tier", "STAGING")
				.param("position", "2")
				.param("timeZone", "Europe/Paris"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"name-error\""),
					containsString("already has an environment named &quot;production&quot;"))));
		assertThat(ProjectTestSupport.environmentNames(this.mvc, slug)).containsExactly("development", "staging",
				"production");
	}

	@Test
	void anAuditorCannotEditAnEnvironment() throws Exception {
		this.mvc
			.perform(post("/orgs/acme/projects/shop/environments/staging/edit").session(as(AUDITOR))
				.with(csrf())
				.param("name", "audited")
				.param("tier", "STAGING"))
			.andExpect(status().isForbidden());
		assertThat(ProjectTestSupport.environmentNames(this.mvc, "shop")).contains("staging");
	}

	// --- deleting

	@Test
	void deletingWithTheWrongNameIsRefusedAndDeletesNothing() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "keep-env");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/environments/staging/delete").session(as(OWNER))
				.with(csrf())
				.param("confirmation", "production"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"delete-environment-confirmation-error\""),
					containsString("Type the environment&#39;s name &quot;staging&quot; exactly"))));
		assertThat(ProjectTestSupport.environmentNames(this.mvc, slug)).containsExactly("development", "staging",
				"production");
	}

	@Test
	void deletingWithTheNameTypedClosesTheGapAndIsAudited() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "drop-env");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/environments/staging/delete").session(as(OWNER))
				.with(csrf())
				.param("confirmation", "staging"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/orgs/acme/projects/" + slug))
			.andExpect(flash().attribute("flash", containsString("deleted")));
		assertThat(ProjectTestSupport.environmentNames(this.mvc, slug)).containsExactly("development", "production");
		assertThat(ProjectTestSupport.positions(this.mvc, slug)).containsExactly(1, 2);
		assertThat(ProjectTestSupport.auditEvents(this.readAuditLog, owner(), "environment.deleted", slug))
			.singleElement()
			.satisfies((event) -> assertThat(event.environmentName()).isEqualTo("staging"));
	}

	@Test
	void aDeveloperCannotDeleteAnEnvironment() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "dev-drop");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/environments/staging/delete").session(as(DEVELOPER))
				.with(csrf())
				.param("confirmation", "staging"))
			.andExpect(status().isForbidden());
		assertThat(ProjectTestSupport.environmentNames(this.mvc, slug)).contains("staging");
	}

	Caller owner() {
		return ProjectTestSupport.caller(this.users, this.resolveMembership, this.transactions, OWNER, "acme");
	}

}
