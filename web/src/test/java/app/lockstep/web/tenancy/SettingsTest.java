package app.lockstep.web.tenancy;

import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.access.Role;
import app.lockstep.web.tenancy.TenancyFixtures.Org;
import app.lockstep.web.tenancy.TenancyFixtures.Person;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@LockstepTest
class SettingsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ResolveMembership resolveMembership;

	SessionCache sessions;

	TenancyFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.sessions = new SessionCache(this.mvc);
		this.fixtures = new TenancyFixtures(this.mvc, this.resolveMembership);
	}

	@Test
	void theOwnerGetsTheFormTheSlugReadOnlyAndTheirOrganizations() throws Exception {
		this.mvc.perform(get("/orgs/acme/settings").session(this.sessions.sessionOf("owner@acme.test")))
			.andExpect(status().isOk())
			.andExpect(model().attribute("section", "settings"))
			.andExpect(content().string(allOf(containsString("id=\"settings-form\""),
					containsString("value=\"Acme Corp\""), containsString("value=\"Europe/Paris\""),
					containsString("id=\"slug\" type=\"text\" value=\"acme\" readonly"),
					containsString("id=\"your-organizations\""), containsString("href=\"/orgs/acme\""),
					containsString("href=\"/orgs/new\""))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "lead@acme.test", "dev@acme.test", "viewer@acme.test", "auditor@acme.test" })
	void everyoneElseReadsTheSettingsAndIsToldWhoCanChangeThem(String email) throws Exception {
		this.mvc.perform(get("/orgs/acme/settings").session(this.sessions.sessionOf(email)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("section", "settings"))
			.andExpect(content().string(allOf(not(containsString("id=\"settings-form\"")),
					containsString("id=\"settings-readonly\""), containsString("Europe/Paris"),
					containsString("Only owners can change these settings."), containsString("href=\"/orgs/new\""))));
	}

	@Test
	void aNonMemberGets404() throws Exception {
		this.mvc.perform(get("/orgs/acme/settings").session(this.sessions.sessionOf("owner@globex.test")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theOwnerRenamesTheOrganizationAndChangesItsTimeZone() throws Exception {
		Org org = this.fixtures.newOrg();
		String name = "Renamed " + TenancyFixtures.unique();
		this.mvc
			.perform(post(org.settings()).session(org.owner().session())
				.param("name", name)
				.param("timeZone", "Asia/Tokyo")
				.with(csrf()))
			.andExpect(redirectedUrl(org.settings()))
			.andExpect(flash().attribute("flash", containsString("Settings saved")));
		this.mvc.perform(get(org.settings()).session(org.owner().session()))
			.andExpect(content()
				.string(allOf(containsString("value=\"" + name + "\""), containsString("value=\"Asia/Tokyo\""))));
	}

	@Test
	void aLeadMayNotChangeTheSettings() throws Exception {
		this.mvc
			.perform(post("/orgs/acme/settings").session(this.sessions.sessionOf("lead@acme.test"))
				.param("name", "Hijacked")
				.param("timeZone", "UTC")
				.with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Your role (Lead) does not allow this.")));
		this.mvc.perform(get("/orgs/acme/settings").session(this.sessions.sessionOf("lead@acme.test")))
			.andExpect(content().string(allOf(containsString("Acme Corp"), not(containsString("Hijacked")))));
	}

	@Test
	void anAdminMayNotChangeTheSettings() throws Exception {
		Org org = this.fixtures.newOrg();
		Person admin = this.fixtures.join(org, Role.ADMIN);
		this.mvc
			.perform(post(org.settings()).session(admin.session())
				.param("name", "Admin was here")
				.param("timeZone", "UTC")
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(org.settings()).session(admin.session()))
			.andExpect(content().string(allOf(containsString("id=\"settings-readonly\""), containsString(org.name()),
					not(containsString("Admin was here")))));
	}

	@Test
	void badInputIsShownBesideEachFieldWithTheInputKeptAndNothingSaved() throws Exception {
		Org org = this.fixtures.newOrg();
		this.mvc
			.perform(post(org.settings()).session(org.owner().session())
				.param("name", " ")
				.param("timeZone", "Mars/Olympus")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("errors", allOf(hasKey("name"), hasKey("timeZone"))))
			.andExpect(content().string(allOf(containsString("id=\"name-error\">Enter the organization"),
					containsString("value=\"Mars/Olympus\""), containsString("id=\"timeZone-error\""),
					containsString("is not a time zone we know"))));
		this.mvc.perform(get(org.settings()).session(org.owner().session()))
			.andExpect(content().string(
					allOf(containsString("value=\"" + org.name() + "\""), containsString("value=\"Europe/Berlin\""))));
	}

}
