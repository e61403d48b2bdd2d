package app.lockstep.web.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.tenancy.Membership;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.access.Role;
import app.lockstep.web.shared.SignedInUser;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Fresh organizations and people for tests that change things, so they never touch the
 * shared demo data and do not depend on each other's order. Everything goes through the
 * real pages: sign-up, invitation, sign-up from the link.
 */
final class TenancyFixtures {

	static final String PASSWORD = "violet-harbour-lantern-42";

	private static final Pattern LINK = Pattern.compile("https?://[^/\"<]+/invitations/([A-Za-z0-9_-]{20,})");

	private final MockMvc mvc;

	private final ResolveMembership resolveMembership;

	TenancyFixtures(MockMvc mvc, ResolveMembership resolveMembership) {
		this.mvc = mvc;
		this.resolveMembership = resolveMembership;
	}

	record Person(String email, String name, MockHttpSession session, UserId id) {
	}

	record Org(String slug, String name, Person owner) {

		String members() {
			return "/orgs/" + this.slug + "/members";
		}

		String settings() {
			return "/orgs/" + this.slug + "/settings";
		}

	}

	static String unique() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	static String newEmail() {
		return "person-" + unique() + "@example.test";
	}

	/** A new organization with a new OWNER, signed in. */
	Org newOrg() throws Exception {
		String id = unique();
		String email = "owner-" + id + "@example.test";
		String name = "Owner " + id;
		String slug = "t-" + id;
		String orgName = "Test Org " + id;
		MvcResult result = this.mvc
			.perform(post("/signup").param("email", email)
				.param("name", name)
				.param("password", PASSWORD)
				.param("orgName", orgName)
				.param("orgSlug", slug)
				.param("timeZone", "Europe/Berlin")
				.with(csrf()))
			.andReturn();
		if (!("/orgs/" + slug + "?welcome").equals(result.getResponse().getRedirectedUrl())) {
			throw new IllegalStateException("Sign-up failed: " + result.getResponse().getStatus());
		}
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		return new Org(slug, orgName, new Person(email, name, session, userId(session)));
	}

	/** A person with an account of their own (and an organization of their own). */
	Person newPerson() throws Exception {
		return newOrg().owner();
	}

	/** The token of a new invitation, created by the organization's owner on the page. */
	String invite(Org org, String email, Role role) throws Exception {
		return invite(org, org.owner(), email, role);
	}

	String invite(Org org, Person inviter, String email, Role role) throws Exception {
		MvcResult result = this.mvc
			.perform(post(org.members() + "/invitations").session(inviter.session())
				.param("email", email)
				.param("role", role.name())
				.with(csrf()))
			.andReturn();
		if (result.getResponse().getStatus() != 200) {
			throw new IllegalStateException("Invitation failed: " + result.getResponse().getStatus());
		}
		return token(result.getResponse().getContentAsString());
	}

	static String token(String html) {
		Matcher matcher = LINK.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No invitation link on the page");
		}
		return matcher.group(1);
	}

	/**
	 * A new person who joined the organization with this role from an invitation link.
	 */
	Person join(Org org, Role role) throws Exception {
		String email = newEmail();
		String name = "Member " + unique();
		String token = invite(org, email, role);
		MvcResult result = this.mvc.perform(
				post("/invitations/" + token + "/signup").param("name", name).param("password", PASSWORD).with(csrf()))
			.andReturn();
		if (!("/orgs/" + org.slug()).equals(result.getResponse().getRedirectedUrl())) {
			throw new IllegalStateException("Joining failed: " + result.getResponse().getStatus());
		}
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		return new Person(email, name, session, userId(session));
	}

	/** The role this person has in the organization now, if any. */
	Optional<Role> roleOf(String slug, UserId user) {
		return this.resolveMembership.in(user, slug).map(Membership::role);
	}

	/** The id of the pending invitation for this email, as the members page lists it. */
	String invitationId(Org org, String email) throws Exception {
		String html = this.mvc.perform(get(org.members()).session(org.owner().session()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher matcher = Pattern
			.compile("id=\"invitation-([0-9a-f-]{36})\"[^>]*data-invitation=\"" + Pattern.quote(email) + "\"")
			.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No pending invitation for " + email);
		}
		return matcher.group(1);
	}

	static UserId userId(MockHttpSession session) {
		SecurityContext context = (SecurityContext) session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		return ((SignedInUser) context.getAuthentication().getPrincipal()).id();
	}

}
