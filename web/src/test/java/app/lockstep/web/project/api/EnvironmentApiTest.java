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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
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

/**
 * GET/POST .../projects/{project}/environments and GET/PATCH/DELETE
 * .../environments/{env}.
 */
@LockstepTest
class EnvironmentApiTest {

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

	static String environments(String slug) {
		return "/api/v1/orgs/acme/projects/" + slug + "/environments";
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
	void listsTheEnvironmentsInPromotionOrder() throws Exception {
		this.mvc.perform(get(environments("shop")).session(as(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", contains("development", "staging", "production")))
			.andExpect(jsonPath("$[*].tier", contains("DEVELOPMENT", "STAGING", "PRODUCTION")))
			.andExpect(jsonPath("$[*].position", contains(1, 2, 3)))
			.andExpect(jsonPath("$[*].branchPattern", contains("develop", "main", "release/*")));
	}

	@Test
	void getsOneEnvironment() throws Exception {
		this.mvc.perform(get(environments("api") + "/production").session(as(AUDITOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("production"))
			.andExpect(jsonPath("$.tier").value("PRODUCTION"))
			.andExpect(jsonPath("$.position").value(3))
			.andExpect(jsonPath("$.branchPattern").value("release/*"))
			.andExpect(jsonPath("$.timeZone").value("Europe/Paris"));
	}

	@Test
	void createsAtTheEndInTheOrganizationsTimeZoneByDefault() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "api-env");
		postJson(DEVELOPER, environments(slug), "{\"name\": \"qa\", \"tier\": \"staging\"}")
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", endsWith(environments(slug) + "/qa")))
			.andExpect(jsonPath("$.name").value("qa"))
			.andExpect(jsonPath("$.tier").value("STAGING"))
			.andExpect(jsonPath("$.position").value(4))
			.andExpect(jsonPath("$.branchPattern").value(nullValue()))
			.andExpect(jsonPath("$.timeZone").value("Europe/Paris"));
	}

	@Test
	void createsAtAPositionAndTheOthersMoveDown() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "api-env-insert");
		postJson(OWNER, environments(slug),
				"""
						{"name": "hotfix", "tier": "PRODUCTION", "position": 1, "branchPattern": "hotfix/*", "timeZone": "Asia/Kolkata"}
						""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.position").value(1))
			.andExpect(jsonPath("$.timeZone").value("Asia/Kolkata"));
		this.mvc.perform(get(environments(slug)).session(as(OWNER)))
			.andExpect(jsonPath("$[*].name", contains("hotfix", "development", "staging", "production")))
			.andExpect(jsonPath("$[*].position", contains(1, 2, 3, 4)));
	}

	@Test
	void anInvalidTierTimeZoneNameOrPositionIs422OnTheirFields() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "api-env-bad");
		problem(postJson(OWNER, environments(slug), """
				{"name": "QA env", "tier": "GOLD", "position": 0, "timeZone": "Mars/Olympus"}
				""")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", contains("name", "tier", "position", "timeZone")))
			.andExpect(jsonPath("$.errors[?(@.field == 'tier')].message",
					contains("Choose a tier: DEVELOPMENT, STAGING or PRODUCTION.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'timeZone')].message",
					contains(containsString("\"Mars/Olympus\" is not a time zone we know"))));
		problem(postJson(OWNER, environments(slug), "{\"name\": \"qa\"}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("tier"));
		problem(postJson(OWNER, environments(slug), "{\"name\": \"qa\", \"tier\": \"STAGING\", \"position\": \"two\"}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get(environments(slug)).session(as(OWNER)))
			.andExpect(jsonPath("$[*].name", contains("development", "staging", "production")));
	}

	@Test
	void aTakenNameIs409() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "api-env-dup");
		problem(postJson(OWNER, environments(slug), "{\"name\": \"staging\", \"tier\": \"STAGING\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		problem(patchJson(OWNER, environments(slug) + "/staging", "{\"name\": \"production\"}"))
			.andExpect(status().isConflict());
		this.mvc.perform(get(environments(slug)).session(as(OWNER)))
			.andExpect(jsonPath("$[*].name", contains("development", "staging", "production")))
			.andExpect(jsonPath("$[*].position", contains(1, 2, 3)));
	}

	@Test
	void patchingThePositionReordersWithoutGaps() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "api-reorder");
		patchJson(LEAD, environments(slug) + "/production", "{\"position\": 1}").andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("production"))
			.andExpect(jsonPath("$.position").value(1))
			.andExpect(jsonPath("$.tier").value("PRODUCTION"))
			.andExpect(jsonPath("$.branchPattern").value("release/*"));
		this.mvc.perform(get(environments(slug)).session(as(OWNER)))
			.andExpect(jsonPath("$[*].name", contains("production", "development", "staging")))
			.andExpect(jsonPath("$[*].position", contains(1, 2, 3)));
		patchJson(LEAD, environments(slug) + "/production", "{\"position\": 99}").andExpect(status().isOk())
			.andExpect(jsonPath("$.position").value(3));
		this.mvc.perform(get(environments(slug)).session(as(OWNER)))
			.andExpect(jsonPath("$[*].name", contains("development", "staging", "production")))
			.andExpect(jsonPath("$[*].position", contains(1, 2, 3)));
		problem(patchJson(LEAD, environments(slug) + "/production", "{\"position\": 0}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("position"));
	}

	@Test
	void patchChangesOnlyTheFieldsGiven() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "api-env-patch");
		patchJson(DEVELOPER, environments(slug) + "/staging", "{\"name\": \"uat\", \"timeZone\": \"Europe/London\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("uat"))
			.andExpect(jsonPath("$.tier").value("STAGING"))
			.andExpect(jsonPath("$.position").value(2))
			.andExpect(jsonPath("$.branchPattern").value("main"))
			.andExpect(jsonPath("$.timeZone").value("Europe/London"));
		patchJson(DEVELOPER, environments(slug) + "/uat", "{\"branchPattern\": \"\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.branchPattern").value(nullValue()));
		problem(this.mvc.perform(get(environments(slug) + "/staging").session(as(OWNER))))
			.andExpect(status().isNotFound());
		problem(patchJson(DEVELOPER, environments(slug) + "/uat", "{\"tier\": \"LIVE\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("tier"));
	}

	@Test
	void deleteIs204TheOthersCloseTheGapAndTheAuditTrailStays() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "api-env-delete");
		problem(this.mvc.perform(delete(environments(slug) + "/development").session(as(DEVELOPER)).with(csrf())))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete(environments(slug) + "/development").session(as(OWNER)).with(csrf()))
			.andExpect(status().isNoContent());
		this.mvc.perform(get(environments(slug)).session(as(OWNER)))
			.andExpect(jsonPath("$[*].name", contains("staging", "production")))
			.andExpect(jsonPath("$[*].position", contains(1, 2)));
		problem(this.mvc.perform(delete(environments(slug) + "/development").session(as(OWNER)).with(csrf())))
			.andExpect(status().isNotFound());
		assertThat(ProjectTestSupport.auditEvents(this.readAuditLog, owner(), "environment.deleted", slug))
			.singleElement()
			.satisfies((event) -> assertThat(event.environmentName()).isEqualTo("development"));
	}

	@Test
	void viewersAndAuditorsChangeNothing() throws Exception {
		problem(postJson(VIEWER, environments("shop"), "{\"name\": \"viewer-env\", \"tier\": \"STAGING\"}"))
			.andExpect(status().isForbidden());
		problem(patchJson(AUDITOR, environments("shop") + "/staging", "{\"position\": 1}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(environments("shop")).session(as(VIEWER)))
			.andExpect(jsonPath("$[*].name", contains("development", "staging", "production")));
	}

	@Test
	void unknownProjectsAndEnvironmentsAre404() throws Exception {
		problem(this.mvc.perform(get(environments("no-such-project")).session(as(OWNER))))
			.andExpect(status().isNotFound());
		problem(this.mvc.perform(get(environments("shop") + "/nowhere").session(as(OWNER))))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No environment \"nowhere\" in shop."));
		problem(postJson(OWNER, environments("no-such-project"), "{\"name\": \"qa\", \"tier\": \"STAGING\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void aMemberOfAnotherOrganizationGets404() throws Exception {
		problem(this.mvc.perform(get(environments("shop")).session(as(GLOBEX_OWNER)))).andExpect(status().isNotFound());
		problem(this.mvc.perform(get(environments("shop") + "/staging").session(as(GLOBEX_OWNER))))
			.andExpect(status().isNotFound());
		problem(patchJson(GLOBEX_OWNER, environments("shop") + "/staging", "{\"position\": 1}"))
			.andExpect(status().isNotFound());
		problem(this.mvc.perform(delete(environments("shop") + "/staging").session(as(GLOBEX_OWNER)).with(csrf())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(environments("shop")).session(as(OWNER)))
			.andExpect(jsonPath("$[*].name", contains("development", "staging", "production")));
	}

	@Test
	void aBrowserSessionWithoutTheCsrfHeaderIsRefused() throws Exception {
		this.mvc
			.perform(patch(environments("shop") + "/staging").session(as(OWNER))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"position\": 1}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete(environments("shop") + "/staging").session(as(OWNER)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(environments("shop")).session(as(OWNER)))
			.andExpect(jsonPath("$[*].name", contains("development", "staging", "production")));
	}

	Caller owner() {
		return ProjectTestSupport.caller(this.users, this.resolveMembership, this.transactions, OWNER, "acme");
	}

}
