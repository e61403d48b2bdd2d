package app.lockstep.web.tenancy;

import java.time.Duration;
import java.time.Instant;

import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.access.Role;
import app.lockstep.web.shared.PublicUrl;
import app.lockstep.web.tenancy.TenancyFixtures.Org;
import app.lockstep.web.tenancy.TenancyFixtures.Person;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
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

/** Inviting, and every way an invitation link is used or refused. */
@LockstepTest
class InvitationsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PublicUrl publicUrl;

	@Autowired
	ResolveMembership resolveMembership;

	@Autowired
	MutableClock clock;

	SessionCache sessions;

	TenancyFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.sessions = new SessionCache(this.mvc);
		this.fixtures = new TenancyFixtures(this.mvc, this.resolveMembership);
	}

	@AfterEach
	void releaseClock() {
		this.clock.release();
	}

	// Inviting

	@Test
	void theOwnerInvitesAndSeesTheLinkOnceAndTheLinkWorks() throws Exception {
		Org org = this.fixtures.newOrg();
		String email = TenancyFixtures.newEmail();
		MvcResult result = this.mvc
			.perform(post(org.members() + "/invitations").session(org.owner().session())
				.param("email", email)
				.param("role", "LEAD")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attribute("section", "members"))
			.andExpect(content().string(
					allOf(containsString("id=\"invite-result\""), containsString("Copy it now; it is valid for 7 days"),
							containsString(this.publicUrl.of("/invitations/")),
							containsString("data-invitation=\"" + email + "\""), containsString("<html"))))
			.andReturn();
		String token = TenancyFixtures.token(result.getResponse().getContentAsString());

		this.mvc.perform(get("/invitations/" + token))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(org.name()), containsString("Lead"), containsString(email),
					containsString("id=\"invitation-signup\""), containsString("Already have an account?"))));

		// Shown once: the members page does not show the link again.
		this.mvc.perform(get(org.members()).session(org.owner().session()))
			.andExpect(content().string(allOf(not(containsString(token)), not(containsString("invite-result")))));
	}

	@Test
	void withHtmxOnlyTheInviteCardAndThePendingListComeBack() throws Exception {
		Org org = this.fixtures.newOrg();
		String email = TenancyFixtures.newEmail();
		this.mvc
			.perform(post(org.members() + "/invitations").session(org.owner().session())
				.header("HX-Request", "true")
				.param("email", email)
				.param("role", "DEVELOPER")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("<html")), not(containsString("<nav")),
					containsString("id=\"invite-panel\""), containsString(this.publicUrl.of("/invitations/")),
					containsString("id=\"pending-invitations\""), containsString("hx-swap-oob=\"true\""),
					containsString("data-invitation=\"" + email + "\""))));
	}

	@Test
	void viewersAndDevelopersMayNotInvite() throws Exception {
		for (String who : new String[] { "viewer@acme.test", "dev@acme.test", "lead@acme.test", "auditor@acme.test" }) {
			this.mvc
				.perform(post("/orgs/acme/members/invitations").session(this.sessions.sessionOf(who))
					.param("email", TenancyFixtures.newEmail())
					.param("role", "VIEWER")
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void anAdminMayInviteButNotAnOwner() throws Exception {
		Org org = this.fixtures.newOrg();
		Person admin = this.fixtures.join(org, Role.ADMIN);
		String email = TenancyFixtures.newEmail();
		this.mvc
			.perform(post(org.members() + "/invitations").session(admin.session())
				.param("email", email)
				.param("role", "OWNER")
				.with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Your role (Admin) does not allow this.")));
		this.mvc.perform(get(org.members()).session(org.owner().session()))
			.andExpect(content().string(not(containsString(email))));
		this.fixtures.invite(org, admin, email, Role.LEAD);
	}

	@Test
	void aBadEmailIsShownBesideTheFieldWithTheInputKept() throws Exception {
		Org org = this.fixtures.newOrg();
		this.mvc
			.perform(post(org.members() + "/invitations").session(org.owner().session())
				.param("email", "not-an-email")
				.param("role", "AUDITOR")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("errors", hasKey("email")))
			.andExpect(content().string(allOf(containsString("value=\"not-an-email\""),
					containsString("id=\"email-error\">&quot;not-an-email&quot; does not look like an email address."),
					containsString("<option value=\"AUDITOR\" selected=\"selected\">"),
					containsString("No pending invitations."))));

		this.mvc
			.perform(post(org.members() + "/invitations").session(org.owner().session())
				.header("HX-Request", "true")
				.param("email", "")
				.param("role", "VIEWER")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(not(containsString("<html")), containsString("id=\"invite-panel\""),
					containsString("Enter an email address."))));
	}

	@Test
	void invitingSomeoneWhoIsAlreadyAMemberIsRefusedBesideTheField() throws Exception {
		Org org = this.fixtures.newOrg();
		this.mvc
			.perform(post(org.members() + "/invitations").session(org.owner().session())
				.param("email", org.owner().email())
				.param("role", "VIEWER")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("is already a member of"),
					containsString("value=\"" + org.owner().email() + "\""))));
	}

	@Test
	void anUnknownRoleIsRefusedBesideTheRoleField() throws Exception {
		Org org = this.fixtures.newOrg();
		this.mvc
			.perform(post(org.members() + "/invitations").session(org.owner().session())
				.param("email", TenancyFixtures.newEmail())
				.param("role", "EMPEROR")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"role-error\">Choose one of the roles.")));
	}

	// Accepting

	@Test
	void aNewPersonSignsUpFromTheLinkAndIsIn() throws Exception {
		Org org = this.fixtures.newOrg();
		String email = TenancyFixtures.newEmail();
		String token = this.fixtures.invite(org, email, Role.DEVELOPER);
		MvcResult result = this.mvc
			.perform(post("/invitations/" + token + "/signup").param("name", "Nina New")
				.param("password", TenancyFixtures.PASSWORD)
				.with(csrf()))
			.andExpect(redirectedUrl("/orgs/" + org.slug()))
			.andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		assertThat(this.fixtures.roleOf(org.slug(), TenancyFixtures.userId(session))).contains(Role.DEVELOPER);
		this.mvc.perform(get(org.members()).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Nina New"), containsString(email))));

		this.mvc.perform(get("/invitations/" + token))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This invitation has already been accepted.")));
	}

	@Test
	void signingUpFromTheLinkWithABadPasswordKeepsTheNameAndSavesNothing() throws Exception {
		Org org = this.fixtures.newOrg();
		String token = this.fixtures.invite(org, TenancyFixtures.newEmail(), Role.VIEWER);
		this.mvc
			.perform(post("/invitations/" + token + "/signup").param("name", "Short Pass")
				.param("password", "short")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("errors", hasKey("password")))
			.andExpect(content().string(allOf(containsString("value=\"Short Pass\""),
					containsString("id=\"password-error\">Use at least 10 characters."))));
		this.mvc.perform(get("/invitations/" + token)).andExpect(status().isOk());
	}

	@Test
	void signingUpFromTheLinkWithAnAddressThatHasAnAccountIsRefusedBesideTheEmail() throws Exception {
		Org org = this.fixtures.newOrg();
		Person existing = this.fixtures.newPerson();
		String token = this.fixtures.invite(org, existing.email(), Role.VIEWER);
		this.mvc
			.perform(post("/invitations/" + token + "/signup").param("name", "Someone")
				.param("password", TenancyFixtures.PASSWORD)
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("errors", hasKey("email")))
			.andExpect(content().string(containsString("id=\"email-error\"")));
		assertThat(this.fixtures.roleOf(org.slug(), existing.id())).isEmpty();
	}

	@Test
	void aSignedInPersonWithTheInvitedAddressJoinsWithOneClick() throws Exception {
		Org org = this.fixtures.newOrg();
		Person person = this.fixtures.newPerson();
		String token = this.fixtures.invite(org, person.email(), Role.LEAD);
		this.mvc.perform(get("/invitations/" + token).session(person.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"invitation-accept\""),
					containsString("Join " + org.name()), not(containsString("id=\"invitation-signup\"")))));
		this.mvc.perform(post("/invitations/" + token + "/accept").session(person.session()).with(csrf()))
			.andExpect(redirectedUrl("/orgs/" + org.slug()));
		assertThat(this.fixtures.roleOf(org.slug(), person.id())).contains(Role.LEAD);
	}

	@Test
	void aSignedInPersonWithAnotherAddressIsToldAndRefused() throws Exception {
		Org org = this.fixtures.newOrg();
		String invited = TenancyFixtures.newEmail();
		String token = this.fixtures.invite(org, invited, Role.VIEWER);
		Person other = this.fixtures.newPerson();
		this.mvc.perform(get("/invitations/" + token).session(other.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"wrong-account\""), containsString(invited),
					not(containsString("id=\"invitation-accept\"")))));
		this.mvc.perform(post("/invitations/" + token + "/accept").session(other.session()).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("This invitation is for " + invited)));
		assertThat(this.fixtures.roleOf(org.slug(), other.id())).isEmpty();
		this.mvc.perform(get("/invitations/" + token)).andExpect(status().isOk());
	}

	@Test
	void anAnonymousAcceptIsSentToTheLoginPage() throws Exception {
		Org org = this.fixtures.newOrg();
		String token = this.fixtures.invite(org, TenancyFixtures.newEmail(), Role.VIEWER);
		this.mvc.perform(post("/invitations/" + token + "/accept").with(csrf())).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/invitations/" + token)).andExpect(status().isOk());
	}

	@Test
	void loggingInFromTheLinkComesBackToTheInvitation() throws Exception {
		Org org = this.fixtures.newOrg();
		Person person = this.fixtures.newPerson();
		String token = this.fixtures.invite(org, person.email(), Role.VIEWER);
		MockHttpSession anonymous = new MockHttpSession();
		this.mvc.perform(get("/invitations/" + token).session(anonymous)).andExpect(status().isOk());
		MvcResult login = this.mvc
			.perform(post("/login").session(anonymous)
				.param("username", person.email())
				.param("password", TenancyFixtures.PASSWORD)
				.with(csrf()))
			.andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).contains("/invitations/" + token);
	}

	@Test
	void aMemberOpeningTheLinkAgainIsToldTheyAreIn() throws Exception {
		Org org = this.fixtures.newOrg();
		Person member = this.fixtures.join(org, Role.VIEWER);
		String token = this.fixtures.invite(org, "second-" + member.email(), Role.LEAD);
		this.mvc.perform(get("/invitations/" + token).session(member.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"already-member\"")));
	}

	// Refused links

	@Test
	void anUnknownLinkIs404() throws Exception {
		this.mvc.perform(get("/invitations/no-such-token-at-all-0123456789")).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/invitations/no-such-token-at-all-0123456789/signup").param("name", "X")
				.param("password", TenancyFixtures.PASSWORD)
				.with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void anExpiredLinkIsRefusedWithAClearMessage() throws Exception {
		Org org = this.fixtures.newOrg();
		String token = this.fixtures.invite(org, TenancyFixtures.newEmail(), Role.VIEWER);
		this.clock.pin(Instant.now().plus(Duration.ofDays(8)));
		this.mvc.perform(get("/invitations/" + token))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("This invitation cannot be used"),
					containsString("This invitation expired on"), containsString("Ask for a new one."))));
		this.mvc
			.perform(post("/invitations/" + token + "/signup").param("name", "Late Larry")
				.param("password", TenancyFixtures.PASSWORD)
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This invitation expired on")));
		Person person = this.fixtures.newPerson();
		this.mvc.perform(post("/invitations/" + token + "/accept").session(person.session()).with(csrf()))
			.andExpect(status().isConflict());
	}

	@Test
	void aWithdrawnLinkStopsWorking() throws Exception {
		Org org = this.fixtures.newOrg();
		String email = TenancyFixtures.newEmail();
		String token = this.fixtures.invite(org, email, Role.VIEWER);
		String id = this.fixtures.invitationId(org, email);
		this.mvc
			.perform(post(org.members() + "/invitations/" + id + "/revoke").session(org.owner().session()).with(csrf()))
			.andExpect(redirectedUrl(org.members()))
			.andExpect(flash().attribute("flash", containsString("Invitation withdrawn")));
		this.mvc.perform(get("/invitations/" + token))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This invitation was withdrawn. Ask for a new one.")));
		this.mvc.perform(get(org.members()).session(org.owner().session()))
			.andExpect(content().string(not(containsString("data-invitation=\"" + email + "\""))));

		// Withdrawing twice: the page says why.
		this.mvc
			.perform(post(org.members() + "/invitations/" + id + "/revoke").session(org.owner().session()).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("id=\"page-error\""),
					containsString("This invitation is no longer pending."))));
	}

	@Test
	void withdrawingWithHtmxRemovesTheRowOrSaysWhyNot() throws Exception {
		Org org = this.fixtures.newOrg();
		String email = TenancyFixtures.newEmail();
		String token = this.fixtures.invite(org, email, Role.VIEWER);
		String id = this.fixtures.invitationId(org, email);
		this.mvc
			.perform(post(org.members() + "/invitations/" + id + "/revoke").session(org.owner().session())
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(""));
		this.mvc.perform(get("/invitations/" + token)).andExpect(status().isConflict());
		this.mvc
			.perform(post(org.members() + "/invitations/" + id + "/revoke").session(org.owner().session())
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("<tr id=\"invitation-" + id + "\""),
					containsString("This invitation is no longer pending."), not(containsString("<html")))));
	}

	@Test
	void onlyThoseWhoManageMembersMayWithdrawAnInvitation() throws Exception {
		Org org = this.fixtures.newOrg();
		String email = TenancyFixtures.newEmail();
		String token = this.fixtures.invite(org, email, Role.VIEWER);
		String id = this.fixtures.invitationId(org, email);
		Person lead = this.fixtures.join(org, Role.LEAD);
		this.mvc.perform(post(org.members() + "/invitations/" + id + "/revoke").session(lead.session()).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/invitations/" + token)).andExpect(status().isOk());
		this.mvc
			.perform(post("/orgs/acme/members/invitations/" + id + "/revoke")
				.session(this.sessions.sessionOf("viewer@acme.test"))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

}
