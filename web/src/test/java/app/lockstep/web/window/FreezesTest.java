package app.lockstep.web.window;

import java.time.Instant;

import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static app.lockstep.web.project.ProjectTestSupport.DEVELOPER;
import static app.lockstep.web.project.ProjectTestSupport.GLOBEX_OWNER;
import static app.lockstep.web.project.ProjectTestSupport.OWNER;
import static app.lockstep.web.project.ProjectTestSupport.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organization-wide freezes on the API and the page: they close production environments
 * only, are audited, and only members who manage policies change them. The freezes here
 * lie in 2031 so that no other test's instant falls inside one, and each test removes
 * what it added.
 */
@LockstepTest
class FreezesTest {

	static final String API = "/api/v1/orgs/acme/freezes";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ReadAuditLog readAuditLog;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership resolveMembership;

	@Autowired
	Transactions transactions;

	@AfterEach
	void releaseTheClock() {
		this.clock.release();
	}

	MockHttpSession as(String email) {
		return ProjectTestSupport.session(this.mvc, email);
	}

	String add(String reason, String start, String end) throws Exception {
		MvcResult result = this.mvc
			.perform(post(API).session(as(OWNER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"start\": \"" + start + "\", \"end\": \"" + end + "\", \"reason\": \"" + reason + "\"}"))
			.andExpect(status().isCreated())
			.andReturn();
		return JsonPath.read(result.getResponse().getContentAsString(), "$.id");
	}

	void remove(String id) throws Exception {
		this.mvc.perform(delete(API + "/" + id).session(as(OWNER)).with(csrf())).andExpect(status().isNoContent());
	}

	@Test
	void aFreezeClosesProductionButNotStagingAndIsAudited() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "freeze-api");
		String id = add("Year end 2031", "2031-12-20T00:00:00Z", "2032-01-03T00:00:00Z");
		try {
			this.mvc.perform(get(API + "/" + id).session(as(VIEWER)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.reason").value("Year end 2031"))
				.andExpect(jsonPath("$.start").value("2031-12-20T00:00:00Z"))
				.andExpect(jsonPath("$.createdBy").value("Olivia Owner"));
			this.mvc.perform(get(API).session(as(VIEWER)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].id").value(hasItem(id)));
			// Tuesday 23 December 2031.
			this.clock.pin(Instant.parse("2031-12-23T10:00:00Z"));
			String windows = "/api/v1/orgs/acme/projects/" + slug + "/environments/";
			this.mvc.perform(get(windows + "production/windows").session(as(VIEWER)))
				.andExpect(jsonPath("$.now.open").value(false))
				.andExpect(jsonPath("$.now.blockedBy").value("Year end 2031 (organization-wide)"))
				// Saturday 3 January 2032 01:00 CET is a weekend: Monday 5 January 00:00
				// CET.
				.andExpect(jsonPath("$.now.nextOpenAt").value("2032-01-04T23:00:00Z"))
				.andExpect(jsonPath("$.organizationFreezes[*].reason").value(hasItem("Year end 2031")));
			this.mvc.perform(get(windows + "staging/windows").session(as(VIEWER)))
				.andExpect(jsonPath("$.now.open").value(true))
				.andExpect(jsonPath("$.organizationFreezes.length()").value(0));
		}
		finally {
			remove(id);
		}
		this.mvc.perform(get(API + "/" + id).session(as(OWNER))).andExpect(status().isNotFound());
		this.mvc.perform(delete(API + "/" + id).session(as(OWNER)).with(csrf())).andExpect(status().isNotFound());
		assertThat(this.readAuditLog.read(owner(), null, 50).events())
			.filteredOn((event) -> id.equals(event.targetId()))
			.extracting((event) -> event.action())
			.containsExactly("freeze.removed", "freeze.added");
	}

	@Test
	void onlyMembersWhoManagePoliciesAddOrRemoveFreezes() throws Exception {
		String body = "{\"start\": \"2031-06-01T00:00:00Z\", \"end\": \"2031-06-02T00:00:00Z\", \"reason\": \"Nope\"}";
		for (String email : new String[] { DEVELOPER, VIEWER }) {
			this.mvc
				.perform(
						post(API).session(as(email)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isForbidden());
		}
		String id = add("Kept", "2031-06-01T00:00:00Z", "2031-06-02T00:00:00Z");
		try {
			this.mvc.perform(delete(API + "/" + id).session(as(DEVELOPER)).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(delete(API + "/" + id).session(as(GLOBEX_OWNER)).with(csrf()))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/api/v1/orgs/globex/freezes").session(as(GLOBEX_OWNER)))
				.andExpect(jsonPath("$[*].id").value(not(hasItem(id))));
		}
		finally {
			remove(id);
		}
	}

	@Test
	void badFreezesAre422WithTheFieldsAtFault() throws Exception {
		this.mvc
			.perform(post(API).session(as(OWNER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"start\": \"2031-06-02T00:00:00Z\", \"end\": \"2031-06-01T00:00:00Z\", \"reason\": \"\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'end')].message")
				.value(hasItem("The freeze must end after it starts.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'reason')].message")
				.value(hasItem("Say why, such as \"Holiday freeze\".")));
		this.mvc.perform(delete(API + "/not-a-uuid").session(as(OWNER)).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void thePageListsAddsAndRemovesFreezesOnTheOrganizationsClock() throws Exception {
		this.mvc
			.perform(post("/orgs/acme/freezes").session(as(OWNER))
				.with(csrf())
				.param("reason", "Page freeze 2031")
				.param("start", "2031-07-14T00:00")
				.param("end", "2031-07-15T00:00"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/orgs/acme/freezes"))
			.andExpect(flash().attribute("flash", containsString("Page freeze 2031")));
		String id = this.mvc.perform(get(API).session(as(OWNER)))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.transform((json) -> JsonPath.<java.util.List<String>>read(json, "$[?(@.reason == 'Page freeze 2031')].id"))
			.get(0);
		try {
			this.mvc.perform(get(API + "/" + id).session(as(OWNER)))
				.andExpect(jsonPath("$.start").value("2031-07-13T22:00:00Z"));
			this.mvc.perform(get("/orgs/acme/freezes").session(as(VIEWER)))
				.andExpect(status().isOk())
				.andExpect(content()
					.string(allOf(containsString("Page freeze 2031"), containsString("Mon 14 Jul 2031 00:00 CEST"),
							containsString("upcoming"), containsString("id=\"read-only-note\""),
							not(containsString("add-freeze-form")), not(containsString("style=")))));
			this.mvc.perform(post("/orgs/acme/freezes/" + id + "/remove").session(as(VIEWER)).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/orgs/acme/freezes").session(as(OWNER)))
				.andExpect(content().string(allOf(containsString("id=\"add-freeze-form\""),
						containsString("/orgs/acme/freezes/" + id + "/remove"))));
		}
		finally {
			this.mvc.perform(post("/orgs/acme/freezes/" + id + "/remove").session(as(OWNER)).with(csrf()))
				.andExpect(status().isFound())
				.andExpect(flash().attribute("flash", containsString("removed")));
		}
		this.mvc.perform(get("/orgs/acme/freezes").session(as(OWNER)))
			.andExpect(content().string(allOf(containsString("Freeze \u201cPage freeze 2031\u201d removed."),
					not(containsString("data-freeze=\"" + id + "\"")))));
	}

	@Test
	void aRefusedFreezeOnThePageKeepsTheInput() throws Exception {
		this.mvc
			.perform(post("/orgs/acme/freezes").session(as(OWNER))
				.with(csrf())
				.param("reason", "Backwards")
				.param("start", "2031-07-15T00:00")
				.param("end", "2031-07-14T00:00"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(
					allOf(containsString("id=\"end-error\""), containsString("The freeze must end after it starts."),
							containsString("value=\"Backwards\""), containsString("value=\"2031-07-15T00:00\""))));
	}

	@Test
	void theSettingsPageLinksToTheFreezes() throws Exception {
		this.mvc.perform(get("/orgs/acme/settings").session(as(VIEWER)))
			.andExpect(content().string(containsString("href=\"/orgs/acme/freezes\"")));
	}

	Caller owner() {
		return ProjectTestSupport.caller(this.users, this.resolveMembership, this.transactions, OWNER, "acme");
	}

}
