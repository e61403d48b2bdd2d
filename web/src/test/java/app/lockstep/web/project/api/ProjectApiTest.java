package app.lockstep.web.project.api;

import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static app.lockstep.web.project.ProjectTestSupport.AUDITOR;
import static app.lockstep.web.project.ProjectTestSupport.DEVELOPER;
import static app.lockstep.web.project.ProjectTestSupport.GLOBEX_OWNER;
import static app.lockstep.web.project.ProjectTestSupport.LEAD;
import static app.lockstep.web.project.ProjectTestSupport.OWNER;
import static app.lockstep.web.project.ProjectTestSupport.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET/POST /api/v1/orgs/{org}/projects and GET/PATCH/DELETE .../projects/{project}. */
@LockstepTest
class ProjectApiTest {

	static final String PROJECTS = "/api/v1/orgs/acme/projects";

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

	ResultActions postJson(String email, String path, String json) throws Exception {
		return this.mvc.perform(post(path).session(as(email))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(json));
	}

	ResultActions patchJson(String email, String path, String json) throws Exception {
		return this.mvc.perform(patch(path).session(as(email))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(json));
	}

	static ResultActions problem(ResultActions result) throws Exception {
		return result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void listsTheProjectsWithTheirEnvironmentsInPromotionOrder() throws Exception {
		this.mvc.perform(get(PROJECTS).session(as(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$[*].slug", hasItems("shop", "api")))
			.andExpect(jsonPath("$[?(@.slug == 'shop')].environments[*].name",
					contains("development", "staging", "production")))
			.andExpect(jsonPath("$[?(@.slug == 'shop')].environments[*].position", contains(1, 2, 3)));
	}

	@Test
	void getsOneProject() throws Exception {
		this.mvc.perform(get(PROJECTS + "/shop").session(as(AUDITOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.slug").value("shop"))
			.andExpect(jsonPath("$.name").value("Shop"))
			.andExpect(jsonPath("$.repositoryUrl").value("https://git.example.com/acme/shop.git"))
			.andExpect(jsonPath("$.description").value(containsString("online shop")))
			.andExpect(jsonPath("$.createdAt").isString())
			.andExpect(jsonPath("$.environments[1].name").value("staging"))
			.andExpect(jsonPath("$.environments[1].tier").value("STAGING"))
			.andExpect(jsonPath("$.environments[1].position").value(2))
			.andExpect(jsonPath("$.environments[1].branchPattern").value("main"))
			.andExpect(jsonPath("$.environments[1].timeZone").value("Europe/Paris"));
	}

	@Test
	void createsAProjectWith201AndItsLocation() throws Exception {
		String slug = ProjectTestSupport.uniqueSlug("api-create");
		postJson(DEVELOPER, PROJECTS, """
				{"slug": "%s", "name": "API made", "repositoryUrl": "git@github.com:acme/x.git", "description": "d"}
				""".formatted(slug)).andExpect(status().isCreated())
			.andExpect(header().string("Location", endsWith(PROJECTS + "/" + slug)))
			.andExpect(jsonPath("$.slug").value(slug))
			.andExpect(jsonPath("$.name").value("API made"))
			.andExpect(jsonPath("$.repositoryUrl").value("git@github.com:acme/x.git"))
			.andExpect(jsonPath("$.environments").isEmpty());
		this.mvc.perform(get(PROJECTS + "/" + slug).session(as(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.description").value("d"));
	}

	@Test
	void invalidInputIs422WithEveryFieldError() throws Exception {
		problem(postJson(DEVELOPER, PROJECTS, """
				{"slug": "Not_A_Slug", "name": "", "repositoryUrl": "ftp:/nowhere"}
				""")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.status").value(422))
			.andExpect(jsonPath("$.errors[?(@.field == 'slug')].message",
					contains(containsString("lowercase letters, digits and single dashes"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message", contains("Enter a name.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'repositoryUrl')]").isNotEmpty());
	}

	@Test
	void aMissingSlugIs422() throws Exception {
		problem(postJson(DEVELOPER, PROJECTS, "{\"name\": \"No slug\"}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("slug"));
	}

	@Test
	void aTakenSlugIs409OnTheSlugField() throws Exception {
		problem(postJson(DEVELOPER, PROJECTS, "{\"slug\": \"shop\", \"name\": \"Shop again\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("A project with the slug \"shop\" already exists."))
			.andExpect(jsonPath("$.errors[0].field").value("slug"));
	}

	@Test
	void unreadableJsonIs400() throws Exception {
		problem(postJson(DEVELOPER, PROJECTS, "{\"slug\": ")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.status").value(400));
		problem(postJson(DEVELOPER, PROJECTS, "")).andExpect(status().isBadRequest());
	}

	@Test
	void aViewerCannotCreate() throws Exception {
		String slug = ProjectTestSupport.uniqueSlug("viewer-api");
		problem(postJson(VIEWER, PROJECTS, "{\"slug\": \"" + slug + "\", \"name\": \"V\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("Viewer")));
		assertThat(ProjectTestSupport.projectExists(this.mvc, slug)).isFalse();
	}

	@Test
	void patchChangesOnlyTheFieldsGiven() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "api-patch");
		patchJson(LEAD, PROJECTS + "/" + slug, "{\"name\": \"Patched\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Patched"))
			.andExpect(jsonPath("$.slug").value(slug))
			.andExpect(jsonPath("$.repositoryUrl").value("https://git.example.com/acme/" + slug + ".git"))
			.andExpect(jsonPath("$.environments[*].name", contains("development", "staging", "production")));
		patchJson(LEAD, PROJECTS + "/" + slug, "{\"repositoryUrl\": \"\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.repositoryUrl").value(nullValue()))
			.andExpect(jsonPath("$.name").value("Patched"));
	}

	@Test
	void patchCanChangeTheSlug() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "api-reslug");
		String newSlug = ProjectTestSupport.uniqueSlug("api-moved");
		patchJson(OWNER, PROJECTS + "/" + slug, "{\"slug\": \"" + newSlug + "\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.slug").value(newSlug));
		this.mvc.perform(get(PROJECTS + "/" + slug).session(as(OWNER))).andExpect(status().isNotFound());
		problem(patchJson(OWNER, PROJECTS + "/" + newSlug, "{\"slug\": \"api\"}")).andExpect(status().isConflict());
	}

	@Test
	void anInvalidPatchIs422AndChangesNothing() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "api-bad-patch");
		problem(patchJson(OWNER, PROJECTS + "/" + slug, "{\"name\": \"Fine\", \"slug\": \"-bad-\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("slug"));
		this.mvc.perform(get(PROJECTS + "/" + slug).session(as(OWNER)))
			.andExpect(jsonPath("$.name").value("Test " + slug));
	}

	@Test
	void anAuditorCannotPatch() throws Exception {
		problem(patchJson(AUDITOR, PROJECTS + "/shop", "{\"name\": \"Audited\"}")).andExpect(status().isForbidden());
		this.mvc.perform(get(PROJECTS + "/shop").session(as(AUDITOR))).andExpect(jsonPath("$.name").value("Shop"));
	}

	@Test
	void deleteIs204AndTheAuditTrailStays() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "api-delete");
		problem(this.mvc.perform(delete(PROJECTS + "/" + slug).session(as(DEVELOPER)).with(csrf())))
			.andExpect(status().isForbidden());
		assertThat(ProjectTestSupport.projectExists(this.mvc, slug)).isTrue();
		this.mvc.perform(delete(PROJECTS + "/" + slug).session(as(OWNER)).with(csrf()))
			.andExpect(status().isNoContent());
		problem(this.mvc.perform(get(PROJECTS + "/" + slug).session(as(OWNER)))).andExpect(status().isNotFound());
		problem(this.mvc.perform(delete(PROJECTS + "/" + slug).session(as(OWNER)).with(csrf())))
			.andExpect(status().isNotFound());
		assertThat(ProjectTestSupport.auditEvents(this.readAuditLog, owner(), "project.deleted", slug)).hasSize(1);
	}

	@Test
	void anUnknownProjectIs404() throws Exception {
		problem(this.mvc.perform(get(PROJECTS + "/no-such-project").session(as(OWNER))))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No project \"no-such-project\"."));
		problem(patchJson(OWNER, PROJECTS + "/no-such-project", "{\"name\": \"X\"}")).andExpect(status().isNotFound());
	}

	@Test
	void aMemberOfAnotherOrganizationGets404ForEverything() throws Exception {
		problem(this.mvc.perform(get(PROJECTS).session(as(GLOBEX_OWNER)))).andExpect(status().isNotFound());
		problem(this.mvc.perform(get(PROJECTS + "/shop").session(as(GLOBEX_OWNER)))).andExpect(status().isNotFound());
		problem(postJson(GLOBEX_OWNER, PROJECTS, "{\"slug\": \"globex-in-acme\", \"name\": \"G\"}"))
			.andExpect(status().isNotFound());
		problem(patchJson(GLOBEX_OWNER, PROJECTS + "/shop", "{\"name\": \"G\"}")).andExpect(status().isNotFound());
		problem(this.mvc.perform(delete(PROJECTS + "/shop").session(as(GLOBEX_OWNER)).with(csrf())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(PROJECTS + "/shop").session(as(OWNER))).andExpect(jsonPath("$.name").value("Shop"));
		this.mvc.perform(get("/api/v1/orgs/globex/projects").session(as(GLOBEX_OWNER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].slug", contains("portal")));
	}

	@Test
	void aBrowserSessionWithoutTheCsrfHeaderIsRefused() throws Exception {
		String slug = ProjectTestSupport.uniqueSlug("api-no-csrf");
		this.mvc
			.perform(post(PROJECTS).session(as(OWNER))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"slug\": \"" + slug + "\", \"name\": \"No CSRF\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(patch(PROJECTS + "/shop").session(as(OWNER))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"No CSRF\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete(PROJECTS + "/shop").session(as(OWNER))).andExpect(status().isForbidden());
		assertThat(ProjectTestSupport.projectExists(this.mvc, slug)).isFalse();
		this.mvc.perform(get(PROJECTS + "/shop").session(as(OWNER))).andExpect(jsonPath("$.name").value("Shop"));
	}

	@Test
	void theCsrfHeaderOfTheSessionIsAccepted() throws Exception {
		MockHttpSession session = ProjectTestSupport.sessionOfItsOwn(this.mvc, OWNER);
		String page = this.mvc.perform(get("/orgs/acme/projects/shop").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = page.replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
		String slug = ProjectTestSupport.uniqueSlug("api-with-csrf");
		this.mvc
			.perform(post(PROJECTS).session(session)
				.header("X-CSRF-TOKEN", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"slug\": \"" + slug + "\", \"name\": \"With CSRF\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void anonymousCallsAre401() throws Exception {
		problem(this.mvc.perform(get(PROJECTS))).andExpect(status().isUnauthorized());
	}

	Caller owner() {
		return ProjectTestSupport.caller(this.users, this.resolveMembership, this.transactions, OWNER, "acme");
	}

}
