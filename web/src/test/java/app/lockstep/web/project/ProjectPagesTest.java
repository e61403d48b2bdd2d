package app.lockstep.web.project;

import java.util.List;

import app.lockstep.domain.audit.AuditEvent;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static app.lockstep.web.project.ProjectTestSupport.AUDITOR;
import static app.lockstep.web.project.ProjectTestSupport.DEVELOPER;
import static app.lockstep.web.project.ProjectTestSupport.GLOBEX_OWNER;
import static app.lockstep.web.project.ProjectTestSupport.LEAD;
import static app.lockstep.web.project.ProjectTestSupport.OWNER;
import static app.lockstep.web.project.ProjectTestSupport.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
 * The new-project form and the project page: creating, editing and deleting a project,
 * adding environments, who sees which controls, and who is refused.
 */
@LockstepTest
class ProjectPagesTest {

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

	MockHttpServletRequestBuilder createProject(String email, String slug, String name) {
		return post("/orgs/acme/projects").session(as(email))
			.with(csrf())
			.param("name", name)
			.param("slug", slug)
			.param("repositoryUrl", "https://git.example.com/acme/" + slug + ".git")
			.param("description", "Made by a test.");
	}

	// --- new project

	@Test
	void theNewProjectFormIsAPageOfTheDashboardSection() throws Exception {
		this.mvc.perform(get("/orgs/acme/projects/new").session(as(DEVELOPER)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("section", "dashboard"))
			.andExpect(content().string(allOf(containsString("id=\"new-project-form\""),
					containsString("action=\"/orgs/acme/projects\""), containsString("name=\"_csrf\""),
					containsString("name=\"repositoryUrl\""), containsString("name=\"description\""))));
	}

	@Test
	void creatingAProjectLeadsToItsPageWithAFlashMessage() throws Exception {
		String slug = ProjectTestSupport.uniqueSlug("page-create");
		this.mvc.perform(createProject(DEVELOPER, slug, "Page created"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/orgs/acme/projects/" + slug))
			.andExpect(flash().attribute("flash", containsString("Page created")));
		this.mvc.perform(get("/orgs/acme/projects/" + slug).session(as(DEVELOPER)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("section", "dashboard"))
			.andExpect(content().string(allOf(containsString("Page created"), containsString("Made by a test."),
					containsString("No environments yet"), containsString("Add the first environment"))));
		String json = ProjectTestSupport.projectJson(this.mvc, slug);
		assertThat((String) JsonPath.read(json, "$.repositoryUrl"))
			.isEqualTo("https://git.example.com/acme/" + slug + ".git");
	}

	@Test
	void aBadSlugIsExplainedBesideTheFieldWithTheInputKeptAndNothingSaved() throws Exception {
		String marker = "Refused " + ProjectTestSupport.uniqueSlug("marker");
		this.mvc
			.perform(post("/orgs/acme/projects").session(as(DEVELOPER))
				.with(csrf())
				.param("name", "")
				.param("slug", "My Shop")
				.param("repositoryUrl", "https://git.example.com/acme/my-shop.git")
				.param("description", marker))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("section", "dashboard"))
			.andExpect(content().string(allOf(containsString("id=\"slug-error\""),
					containsString("Use lowercase letters, digits and single dashes only"),
					containsString("id=\"name-error\""), containsString("Enter a name."),
					containsString("value=\"My Shop\""),
					containsString("value=\"https://git.example.com/acme/my-shop.git\""), containsString(marker))));
		assertThat(this.mvc.perform(get("/api/v1/orgs/acme/projects").session(as(OWNER)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(marker);
	}

	@Test
	void aTakenSlugIsRefusedBesideTheSlugField() throws Exception {
		this.mvc.perform(createProject(DEVELOPER, "shop", "Another shop"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"slug-error\""),
					containsString("A project with the slug &quot;shop&quot; already exists."),
					containsString("value=\"Another shop\""))));
		assertThat((String) JsonPath.read(ProjectTestSupport.projectJson(this.mvc, "shop"), "$.name"))
			.isEqualTo("Shop");
	}

	@Test
	void theSlugNewIsReservedForTheNewProjectForm() throws Exception {
		this.mvc.perform(createProject(DEVELOPER, "new", "New"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("is reserved")));
	}

	@Test
	void aViewerCanNeitherOpenNorPostTheNewProjectForm() throws Exception {
		this.mvc.perform(get("/orgs/acme/projects/new").session(as(VIEWER))).andExpect(status().isForbidden());
		String slug = ProjectTestSupport.uniqueSlug("viewer-made");
		this.mvc.perform(createProject(VIEWER, slug, "Viewer made")).andExpect(status().isForbidden());
		assertThat(ProjectTestSupport.projectExists(this.mvc, slug)).isFalse();
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
		String slug = ProjectTestSupport.uniqueSlug("no-csrf");
		this.mvc.perform(post("/orgs/acme/projects").session(as(OWNER)).param("name", "X").param("slug", slug))
			.andExpect(status().isForbidden());
		assertThat(ProjectTestSupport.projectExists(this.mvc, slug)).isFalse();
	}

	// --- the project page

	@Test
	void theProjectPageListsTheEnvironmentsInPromotionOrderWithEveryControlForTheOwner() throws Exception {
		this.mvc.perform(get("/orgs/acme/projects/shop").session(as(OWNER)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("section", "dashboard"))
			.andExpect(content().string(stringContainsInOrder("data-environment=\"development\"",
					"data-environment=\"staging\"", "data-environment=\"production\"")))
			.andExpect(content().string(allOf(containsString("class=\"table-responsive\""),
					containsString("hx-post=\"/orgs/acme/projects/shop/environments/staging/move?direction=up\""),
					containsString("hx-target=\"#environment-list\""), containsString("id=\"add-environment-form\""),
					containsString("id=\"edit-project-form\""), containsString("id=\"danger-zone\""),
					containsString("data-confirm-match=\"shop\""), containsString("release/*"))))
			.andExpect(content().string(not(containsString("hx-on"))))
			.andExpect(content().string(not(containsString("style="))));
	}

	@Test
	void theAddEnvironmentFormOffersTheOrganizationsTimeZone() throws Exception {
		this.mvc.perform(get("/orgs/acme/projects/shop").session(as(DEVELOPER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"timeZone\" type=\"text\" value=\"Europe/Paris\"")));
	}

	@Test
	void aViewerSeesTheProjectButNoControls() throws Exception {
		this.mvc.perform(get("/orgs/acme/projects/shop").session(as(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("data-environment=\"staging\""), containsString("id=\"read-only-note\""))))
			.andExpect(
					content().string(allOf(not(containsString("hx-post")), not(containsString("add-environment-form")),
							not(containsString("edit-project-form")), not(containsString("danger-zone")))));
	}

	@Test
	void aDeveloperMayEditButSeesNoDangerZone() throws Exception {
		this.mvc.perform(get("/orgs/acme/projects/shop").session(as(DEVELOPER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("edit-project-form"), containsString("hx-post"),
					not(containsString("danger-zone")))));
	}

	@Test
	void anUnknownProjectIs404() throws Exception {
		this.mvc.perform(get("/orgs/acme/projects/no-such-project").session(as(OWNER)))
			.andExpect(status().isNotFound());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/orgs/acme/projects/shop", "/orgs/acme/projects/new",
			"/orgs/acme/projects/shop/environments/staging" })
	void aMemberOfAnotherOrganizationGets404(String page) throws Exception {
		this.mvc.perform(get(page).session(as(GLOBEX_OWNER))).andExpect(status().isNotFound());
	}

	@Test
	void aMemberOfAnotherOrganizationCannotChangeAnything() throws Exception {
		this.mvc
			.perform(post("/orgs/acme/projects/shop/edit").session(as(GLOBEX_OWNER))
				.with(csrf())
				.param("name", "Globex was here"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/orgs/acme/projects/shop/delete").session(as(GLOBEX_OWNER))
				.with(csrf())
				.param("confirmation", "shop"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/orgs/acme/projects/shop/environments/staging/move").session(as(GLOBEX_OWNER))
				.with(csrf())
				.param("direction", "up"))
			.andExpect(status().isNotFound());
		assertThat(ProjectTestSupport.environmentNames(this.mvc, "shop")).containsExactly("development", "staging",
				"production");
		assertThat((String) JsonPath.read(ProjectTestSupport.projectJson(this.mvc, "shop"), "$.name"))
			.isEqualTo("Shop");
	}

	// --- editing

	@Test
	void renamingAProjectShowsTheNewNameAndIsAudited() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "rename");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/edit").session(as(LEAD))
				.with(csrf())
				.param("name", "Renamed by the lead")
				.param("slug", slug)
				.param("repositoryUrl", "")
				.param("description", "Now described."))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/orgs/acme/projects/" + slug))
			.andExpect(flash().attribute("flash", containsString("saved")));
		this.mvc.perform(get("/orgs/acme/projects/" + slug).session(as(LEAD)))
			.andExpect(content().string(allOf(containsString("Renamed by the lead"), containsString("Now described."),
					containsString("None yet"))));
		assertThat(ProjectTestSupport.auditEvents(this.readAuditLog, owner(), "project.updated", slug)).isNotEmpty();
	}

	@Test
	void changingTheSlugMovesThePage() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "reslug");
		String newSlug = ProjectTestSupport.uniqueSlug("moved");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/edit").session(as(OWNER))
				.with(csrf())
				.param("name", "Moved")
				.param("slug", newSlug))
			.andExpect(redirectedUrl("/orgs/acme/projects/" + newSlug));
		assertThat(ProjectTestSupport.projectExists(this.mvc, slug)).isFalse();
		assertThat(ProjectTestSupport.environmentNames(this.mvc, newSlug)).containsExactly("development", "staging",
				"production");
	}

	@Test
	void aRefusedEditShowsItsErrorsInTheEditFormOnly() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "bad-edit");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/edit").session(as(OWNER))
				.with(csrf())
				.param("name", "")
				.param("slug", "Not A Slug")
				.param("repositoryUrl", "not a url"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"project-name-error\""),
					containsString("id=\"project-slug-error\""), containsString("id=\"project-repositoryUrl-error\""),
					containsString("value=\"Not A Slug\""), containsString("value=\"not a url\""))))
			.andExpect(content().string(not(containsString("id=\"environment-name-error\""))));
		assertThat((String) JsonPath.read(ProjectTestSupport.projectJson(this.mvc, slug), "$.name"))
			.isEqualTo("Test " + slug);
	}

	@Test
	void anAuditorCannotEdit() throws Exception {
		this.mvc.perform(
				post("/orgs/acme/projects/shop/edit").session(as(AUDITOR)).with(csrf()).param("name", "Audited away"))
			.andExpect(status().isForbidden());
		assertThat((String) JsonPath.read(ProjectTestSupport.projectJson(this.mvc, "shop"), "$.name"))
			.isEqualTo("Shop");
	}

	// --- deleting

	@Test
	void deletingWithTheWrongConfirmationIsRefusedAndDeletesNothing() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "keep");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/delete").session(as(OWNER))
				.with(csrf())
				.param("confirmation", "shop"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"delete-project-confirmation-error\""),
					containsString("exactly to confirm the deletion"))));
		this.mvc.perform(post("/orgs/acme/projects/" + slug + "/delete").session(as(OWNER)).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(ProjectTestSupport.environmentNames(this.mvc, slug)).containsExactly("development", "staging",
				"production");
	}

	@Test
	void deletingWithTheSlugTypedDeletesItAndTheAuditTrailStays() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "doomed");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/delete").session(as(OWNER))
				.with(csrf())
				.param("confirmation", slug))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/orgs/acme"))
			.andExpect(flash().attribute("flash", containsString("deleted")));
		assertThat(ProjectTestSupport.projectExists(this.mvc, slug)).isFalse();
		this.mvc.perform(get("/orgs/acme/projects/" + slug).session(as(OWNER))).andExpect(status().isNotFound());
		List<AuditEvent> deleted = ProjectTestSupport.auditEvents(this.readAuditLog, owner(), "project.deleted", slug);
		assertThat(deleted).hasSize(1);
		assertThat(deleted.get(0).details().get("environments").toString()).contains("development", "staging",
				"production");
		assertThat(ProjectTestSupport.auditEvents(this.readAuditLog, owner(), "project.created", slug)).hasSize(1);
	}

	@Test
	void aDeveloperCannotDelete() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "dev-delete");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/delete").session(as(DEVELOPER))
				.with(csrf())
				.param("confirmation", slug))
			.andExpect(status().isForbidden());
		assertThat(ProjectTestSupport.projectExists(this.mvc, slug)).isTrue();
	}

	// --- adding environments

	@Test
	void anEnvironmentAddedWithoutATimeZoneTakesTheOrganizations() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "add-env");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/environments").session(as(DEVELOPER))
				.with(csrf())
				.param("name", "qa")
				.param("tier", "STAGING")
				.param("branchPattern", "qa/*")
				.param("timeZone", "")
				.param("position", ""))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/orgs/acme/projects/" + slug))
			.andExpect(flash().attribute("flash", containsString("stage 4")));
		String json = ProjectTestSupport.projectJson(this.mvc, slug);
		assertThat((String) JsonPath.read(json, "$.environments[3].name")).isEqualTo("qa");
		assertThat((String) JsonPath.read(json, "$.environments[3].timeZone")).isEqualTo("Europe/Paris");
		assertThat((String) JsonPath.read(json, "$.environments[3].branchPattern")).isEqualTo("qa/*");
	}

	@Test
	void anEnvironmentAddedAtAPositionMovesTheOthersDown() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "insert-env");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/environments").session(as(OWNER))
				.with(csrf())
				.param("name", "preview")
				.param("tier", "DEVELOPMENT")
				.param("timeZone", "America/New_York")
				.param("position", "2"))
			.andExpect(status().isFound());
		assertThat(ProjectTestSupport.environmentNames(this.mvc, slug)).containsExactly("development", "preview",
				"staging", "production");
		assertThat(ProjectTestSupport.positions(this.mvc, slug)).containsExactly(1, 2, 3, 4);
		assertThat((String) JsonPath.read(ProjectTestSupport.projectJson(this.mvc, slug), "$.environments[1].timeZone"))
			.isEqualTo("America/New_York");
	}

	@Test
	void anInvalidTierAndTimeZoneAreExplainedBesideTheirFields() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "bad-env");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/environments").session(as(OWNER))
				.with(csrf())
				.param("name", "Bad Name")
				.param("tier", "")
				.param("timeZone", "Mars/Olympus")
				.param("position", "second"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"environment-name-error\""),
					containsString("id=\"environment-tier-error\""),
					containsString("Choose a tier: DEVELOPMENT, STAGING or PRODUCTION."),
					containsString("&quot;Mars/Olympus&quot; is not a time zone we know"),
					containsString("value=\"Mars/Olympus\""), containsString("value=\"Bad Name\""),
					containsString("Enter the position as a whole number"))))
			.andExpect(content().string(not(containsString("id=\"project-name-error\""))));
		assertThat(ProjectTestSupport.environmentNames(this.mvc, slug)).containsExactly("development", "staging",
				"production");
	}

	@Test
	void aTakenEnvironmentNameIsRefused() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "dup-env");
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/environments").session(as(OWNER))
				.with(csrf())
				.param("name", "staging")
				.param("tier", "STAGING"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already has an environment named &quot;staging&quot;")));
		assertThat(ProjectTestSupport.positions(this.mvc, slug)).containsExactly(1, 2, 3);
	}

	@Test
	void aViewerCannotAddAnEnvironment() throws Exception {
		this.mvc
			.perform(post("/orgs/acme/projects/shop/environments").session(as(VIEWER))
				.with(csrf())
				.param("name", "viewer-env")
				.param("tier", "STAGING"))
			.andExpect(status().isForbidden());
		assertThat(ProjectTestSupport.environmentNames(this.mvc, "shop")).doesNotContain("viewer-env");
	}

	Caller owner() {
		return ProjectTestSupport.caller(this.users, this.resolveMembership, this.transactions, OWNER, "acme");
	}

}
