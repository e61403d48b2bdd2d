package app.lockstep.web.tenancy;

import java.util.UUID;

import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.access.Role;
import app.lockstep.web.tenancy.TenancyFixtures.Org;
import app.lockstep.web.tenancy.TenancyFixtures.Person;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Changing roles and removing members, and every refusal. */
@LockstepTest
class MemberRolesTest {

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

	private ResultActions changeRole(Org org, MockHttpSession as, Object user, String role, boolean htmx)
			throws Exception {
		var request = post(org.members() + "/" + user + "/role").session(as).param("role", role).with(csrf());
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return this.mvc.perform(request);
	}

	private ResultActions remove(Org org, MockHttpSession as, Object user, boolean htmx) throws Exception {
		var request = post(org.members() + "/" + user + "/remove").session(as).with(csrf());
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return this.mvc.perform(request);
	}

	@Test
	void withHtmxARoleChangeAnswersTheMembersRowOnly() throws Exception {
		Org org = this.fixtures.newOrg();
		Person dev = this.fixtures.join(org, Role.DEVELOPER);
		changeRole(org, org.owner().session(), dev.id(), "LEAD", true).andExpect(status().isOk())
			.andExpect(content().string(startsWith("<tr id=\"member-" + dev.id() + "\"")))
			.andExpect(content().string(allOf(not(containsString("<html")), not(containsString("<nav")),
					containsString("<option value=\"LEAD\" selected=\"selected\">Lead</option>"),
					containsString("Now Lead."))));
		assertThat(this.fixtures.roleOf(org.slug(), dev.id())).contains(Role.LEAD);
	}

	@Test
	void withoutHtmxARoleChangeRedirectsToTheMembersPageWithAMessage() throws Exception {
		Org org = this.fixtures.newOrg();
		Person dev = this.fixtures.join(org, Role.DEVELOPER);
		changeRole(org, org.owner().session(), dev.id(), "VIEWER", false).andExpect(redirectedUrl(org.members()))
			.andExpect(flash().attribute("flash", dev.name() + " is now Viewer."));
		assertThat(this.fixtures.roleOf(org.slug(), dev.id())).contains(Role.VIEWER);
		// The redirect's target shows the message once.
		this.mvc.perform(get(org.members()).session(org.owner().session()))
			.andExpect(content().string(containsString(dev.name() + " is now Viewer.")));
		this.mvc.perform(get(org.members()).session(org.owner().session()))
			.andExpect(content().string(not(containsString(dev.name() + " is now Viewer."))));
	}

	@Test
	void theLastOwnerCannotBeDemotedAndNothingChanges() throws Exception {
		Org org = this.fixtures.newOrg();
		Person owner = org.owner();
		changeRole(org, owner.session(), owner.id(), "ADMIN", false).andExpect(status().isConflict())
			.andExpect(content()
				.string(allOf(containsString("Nothing was changed: see the message beside " + owner.name() + "."),
						containsString("is the last owner"), containsString("id=\"role-error-" + owner.id() + "\""),
						containsString("<html"))));
		changeRole(org, owner.session(), owner.id(), "ADMIN", true).andExpect(status().isConflict())
			.andExpect(content().string(startsWith("<tr id=\"member-" + owner.id() + "\"")))
			.andExpect(content().string(allOf(containsString("is the last owner"),
					containsString("<option value=\"OWNER\" selected=\"selected\">Owner</option>"))));
		assertThat(this.fixtures.roleOf(org.slug(), owner.id())).contains(Role.OWNER);
	}

	@Test
	void theLastOwnerCannotBeRemovedAndNothingChanges() throws Exception {
		Org org = this.fixtures.newOrg();
		Person owner = org.owner();
		remove(org, owner.session(), owner.id(), false).andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("is the last owner and cannot be removed"),
					containsString("id=\"role-error-" + owner.id() + "\""))));
		remove(org, owner.session(), owner.id(), true).andExpect(status().isConflict())
			.andExpect(content().string(allOf(startsWith("<tr id=\"member-" + owner.id() + "\""),
					containsString("is the last owner and cannot be removed"))));
		assertThat(this.fixtures.roleOf(org.slug(), owner.id())).contains(Role.OWNER);
	}

	@Test
	void anOwnerMayStepDownWhenThereIsAnotherOwnerAndThePageReloads() throws Exception {
		Org org = this.fixtures.newOrg();
		Person second = this.fixtures.join(org, Role.OWNER);
		changeRole(org, org.owner().session(), org.owner().id(), "ADMIN", true).andExpect(status().isOk())
			.andExpect(header().string("HX-Refresh", "true"));
		assertThat(this.fixtures.roleOf(org.slug(), org.owner().id())).contains(Role.ADMIN);
		// Now the other one is the last owner.
		remove(org, org.owner().session(), second.id(), false).andExpect(status().isForbidden());
		changeRole(org, second.session(), second.id(), "LEAD", false).andExpect(status().isConflict());
	}

	@Test
	void removingAMemberWorksWithAndWithoutHtmx() throws Exception {
		Org org = this.fixtures.newOrg();
		Person viewer = this.fixtures.join(org, Role.VIEWER);
		Person auditor = this.fixtures.join(org, Role.AUDITOR);
		remove(org, org.owner().session(), viewer.id(), false).andExpect(redirectedUrl(org.members()))
			.andExpect(flash().attribute("flash", viewer.name() + " was removed from " + org.name() + "."));
		remove(org, org.owner().session(), auditor.id(), true).andExpect(status().isOk())
			.andExpect(content().string(""));
		assertThat(this.fixtures.roleOf(org.slug(), viewer.id())).isEmpty();
		assertThat(this.fixtures.roleOf(org.slug(), auditor.id())).isEmpty();
		this.mvc.perform(get(org.members()).session(viewer.session())).andExpect(status().isNotFound());
		remove(org, org.owner().session(), viewer.id(), false).andExpect(status().isNotFound());
	}

	@Test
	void leavingTakesYouHome() throws Exception {
		Org org = this.fixtures.newOrg();
		Person admin = this.fixtures.join(org, Role.ADMIN);
		Person other = this.fixtures.join(org, Role.ADMIN);
		remove(org, admin.session(), admin.id(), false).andExpect(redirectedUrl("/"));
		remove(org, other.session(), other.id(), true).andExpect(header().string("HX-Redirect", "/"));
		assertThat(this.fixtures.roleOf(org.slug(), admin.id())).isEmpty();
		assertThat(this.fixtures.roleOf(org.slug(), other.id())).isEmpty();
	}

	@Test
	void membersWithoutManageMembersMayNotChangeRolesNorRemove() throws Exception {
		Org acme = new Org("acme", "Acme Corp", null);
		UUID viewer = TenancyFixtures.userId(this.sessions.sessionOf("viewer@acme.test")).value();
		for (String who : new String[] { "lead@acme.test", "dev@acme.test", "viewer@acme.test", "auditor@acme.test" }) {
			MockHttpSession session = this.sessions.sessionOf(who);
			changeRole(acme, session, viewer, "LEAD", false).andExpect(status().isForbidden());
			changeRole(acme, session, viewer, "LEAD", true).andExpect(status().isForbidden());
			remove(acme, session, viewer, false).andExpect(status().isForbidden());
		}
		assertThat(this.fixtures.roleOf("acme", new app.lockstep.domain.shared.UserId(viewer))).contains(Role.VIEWER);
	}

	@Test
	void anAdminManagesMembersButNotOwners() throws Exception {
		Org org = this.fixtures.newOrg();
		Person admin = this.fixtures.join(org, Role.ADMIN);
		Person dev = this.fixtures.join(org, Role.DEVELOPER);
		changeRole(org, admin.session(), org.owner().id(), "ADMIN", false).andExpect(status().isForbidden());
		changeRole(org, admin.session(), dev.id(), "OWNER", false).andExpect(status().isForbidden());
		remove(org, admin.session(), org.owner().id(), false).andExpect(status().isForbidden());
		assertThat(this.fixtures.roleOf(org.slug(), org.owner().id())).contains(Role.OWNER);
		assertThat(this.fixtures.roleOf(org.slug(), dev.id())).contains(Role.DEVELOPER);

		changeRole(org, admin.session(), dev.id(), "LEAD", false).andExpect(redirectedUrl(org.members()));
		assertThat(this.fixtures.roleOf(org.slug(), dev.id())).contains(Role.LEAD);
	}

	@Test
	void anUnknownRoleOrMemberIsRefused() throws Exception {
		Org org = this.fixtures.newOrg();
		Person dev = this.fixtures.join(org, Role.DEVELOPER);
		changeRole(org, org.owner().session(), dev.id(), "EMPEROR", false).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose one of the roles.")));
		changeRole(org, org.owner().session(), UUID.randomUUID(), "LEAD", false).andExpect(status().isNotFound());
		assertThat(this.fixtures.roleOf(org.slug(), dev.id())).contains(Role.DEVELOPER);
	}

	@Test
	void aMemberOfAnotherOrganizationGets404() throws Exception {
		Org org = this.fixtures.newOrg();
		Person dev = this.fixtures.join(org, Role.DEVELOPER);
		changeRole(org, this.sessions.sessionOf("owner@acme.test"), dev.id(), "LEAD", false)
			.andExpect(status().isNotFound());
		remove(org, this.sessions.sessionOf("owner@acme.test"), dev.id(), false).andExpect(status().isNotFound());
		assertThat(this.fixtures.roleOf(org.slug(), dev.id())).contains(Role.DEVELOPER);
	}

}
