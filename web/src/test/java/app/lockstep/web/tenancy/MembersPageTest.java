package app.lockstep.web.tenancy;

import java.util.List;

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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@LockstepTest
class MembersPageTest {

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

	@ParameterizedTest
	@ValueSource(strings = { "owner@acme.test", "lead@acme.test", "dev@acme.test", "viewer@acme.test" })
	void everyRoleWithViewMembersSeesTheList(String email) throws Exception {
		this.mvc.perform(get("/orgs/acme/members").session(this.sessions.sessionOf(email)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("section", "members"))
			.andExpect(content().string(allOf(containsString("Olivia Owner"), containsString("lead@acme.test"),
					containsString("Dana Developer"), containsString("Victor Viewer"), containsString("Ada Auditor"),
					containsString("id=\"members-table\""), containsString("table-responsive"))));
	}

	@Test
	void anAuditorMayNotSeeTheMembers() throws Exception {
		this.mvc.perform(get("/orgs/acme/members").session(this.sessions.sessionOf("auditor@acme.test")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("does not allow this")));
	}

	@Test
	void aNonMemberGets404AndAnAnonymousVisitorTheLoginPage() throws Exception {
		this.mvc.perform(get("/orgs/acme/members").session(this.sessions.sessionOf("owner@globex.test")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/orgs/acme/members")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theOwnerGetsTheInviteFormOfferingEveryRoleAndControlsOnEachRow() throws Exception {
		String leadId = TenancyFixtures.userId(this.sessions.sessionOf("lead@acme.test")).toString();
		this.mvc.perform(get("/orgs/acme/members").session(this.sessions.sessionOf("owner@acme.test")))
			.andExpect(status().isOk())
			.andExpect(model().attribute("roles", List.of(Role.values())))
			.andExpect(content().string(allOf(containsString("id=\"invite-form\""),
					containsString("id=\"pending-invitations\""), containsString("id=\"role-" + leadId + "\""),
					containsString("/orgs/acme/members/" + leadId + "/remove"),
					containsString("hx-target=\"closest tr\""), not(containsString("hx-on")),
					not(containsString("style=")))));
	}

	@Test
	void readersSeeNoInviteFormNoPendingInvitationsAndNoControls() throws Exception {
		for (String email : List.of("viewer@acme.test", "dev@acme.test", "lead@acme.test")) {
			this.mvc.perform(get("/orgs/acme/members").session(this.sessions.sessionOf(email)))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(not(containsString("id=\"invite-form\"")),
						not(containsString("id=\"pending-invitations\"")), not(containsString("name=\"role\"")),
						not(containsString("/remove")), containsString("Only owners and admins can change roles."))));
		}
	}

	@Test
	void anAdminMayInviteButIsNotOfferedTheOwnerRoleNorControlsOnOwners() throws Exception {
		Org org = this.fixtures.newOrg();
		Person admin = this.fixtures.join(org, Role.ADMIN);
		this.mvc.perform(get(org.members()).session(admin.session()))
			.andExpect(status().isOk())
			.andExpect(model().attribute("roles",
					List.of(Role.ADMIN, Role.LEAD, Role.DEVELOPER, Role.VIEWER, Role.AUDITOR)))
			.andExpect(content().string(allOf(containsString("id=\"invite-form\""),
					not(containsString("id=\"role-" + org.owner().id() + "\"")),
					not(containsString("/members/" + org.owner().id() + "/remove")),
					containsString("id=\"role-" + admin.id() + "\""))));
	}

	@Test
	void pendingInvitationsShowWhoInvitedAndWhenTheyExpire() throws Exception {
		Org org = this.fixtures.newOrg();
		this.mvc.perform(get(org.members()).session(org.owner().session()))
			.andExpect(content().string(containsString("No pending invitations.")));
		String email = TenancyFixtures.newEmail();
		this.fixtures.invite(org, email, Role.VIEWER);
		this.mvc.perform(get(org.members()).session(org.owner().session()))
			.andExpect(status().isOk())
			.andExpect(model().attribute("invitations", hasItem(hasToString(containsString(email)))))
			.andExpect(content()
				.string(allOf(containsString("data-invitation=\"" + email + "\""), containsString(org.owner().name()),
						containsString("(Europe/Berlin)"), containsString("Withdraw"))));
	}

}
