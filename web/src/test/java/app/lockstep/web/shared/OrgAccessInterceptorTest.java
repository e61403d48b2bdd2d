package app.lockstep.web.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import app.lockstep.domain.shared.InstanceCaches;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.Member;
import app.lockstep.domain.tenancy.Members;
import app.lockstep.domain.tenancy.Membership;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.access.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the tenant check finds the caller's membership: a page that shows the organization
 * switcher reads all of the person's memberships once (the frame reuses them); the API
 * and htmx fragments read only the one organization's, so that a person who belongs to
 * hundreds of organizations does not load them all on every call. Either way the
 * membership is read from the database on every request.
 */
class OrgAccessInterceptorTest {

	private final SignedInUser user = new SignedInUser(UserId.random(), "someone@example.test", "Someone", null, false);

	private final Organization acme = new Organization(OrgId.random(), "acme", "Acme", ZoneOffset.UTC);

	private final RecordingMembers members = new RecordingMembers();

	private final OrgAccessInterceptor interceptor = new OrgAccessInterceptor(
			new ResolveMembership(this.members, new DirectTransactions(), InstanceCaches.NONE));

	@BeforeEach
	void signIn() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(this.user, null, List.of()));
		this.members.memberships.add(new Membership(this.acme, Role.AUDITOR));
		for (int i = 0; i < 100; i++) {
			this.members.memberships.add(new Membership(
					new Organization(OrgId.random(), "other-" + i, "Other " + i, ZoneOffset.UTC), Role.OWNER));
		}
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anApiCallReadsOnlyTheMembershipInItsOrganization() {
		MockHttpServletRequest request = request("GET", "/api/v1/orgs/acme/audit", "acme");
		assertThat(this.interceptor.preHandle(request, new MockHttpServletResponse(), new Object())).isTrue();
		assertThat(caller(request).organization()).isEqualTo(this.acme);
		assertThat(caller(request).role()).isEqualTo(Role.AUDITOR);
		assertThat(this.members.calls).containsExactly("membershipIn acme");
	}

	@Test
	void anHtmxFragmentOrAPostReadsOnlyTheMembershipInItsOrganization() {
		MockHttpServletRequest fragment = request("GET", "/orgs/acme/audit", "acme");
		fragment.addHeader("HX-Request", "true");
		this.interceptor.preHandle(fragment, new MockHttpServletResponse(), new Object());
		this.interceptor.preHandle(request("POST", "/orgs/acme/audit/checkpoints", "acme"),
				new MockHttpServletResponse(), new Object());
		assertThat(this.members.calls).containsExactly("membershipIn acme", "membershipIn acme");
	}

	@Test
	void aFullPageTooReadsOnlyTheMembershipInItsOrganization() {
		MockHttpServletRequest request = request("GET", "/orgs/acme/audit", "acme");
		this.interceptor.preHandle(request, new MockHttpServletResponse(), new Object());
		assertThat(caller(request).role()).isEqualTo(Role.AUDITOR);
		assertThat(this.members.calls).containsExactly("membershipIn acme");
	}

	@Test
	void everyRequestAsksAgainSoARemovedMemberIsRefusedAtOnce() {
		this.interceptor.preHandle(request("GET", "/api/v1/orgs/acme/audit", "acme"), new MockHttpServletResponse(),
				new Object());
		this.members.memberships.removeIf((membership) -> membership.organization().equals(this.acme));
		assertThatThrownBy(() -> this.interceptor.preHandle(request("GET", "/api/v1/orgs/acme/audit", "acme"),
				new MockHttpServletResponse(), new Object()))
			.isInstanceOf(OrgNotFoundException.class);
		assertThatThrownBy(() -> this.interceptor.preHandle(request("GET", "/orgs/acme/audit", "acme"),
				new MockHttpServletResponse(), new Object()))
			.isInstanceOf(OrgNotFoundException.class);
	}

	@Test
	void aTokenActsOnlyInItsOwnOrganizationReadingOnlyThatMembership() {
		ApiToken token = new ApiToken(this.acme.id(), UUID.randomUUID(), "ci", "lst_abcdefgh",
				List.of(Scope.AUDIT_READ), null, null, this.user.id(), "Someone", Instant.EPOCH, null, null, null);
		MockHttpServletRequest request = request("GET", "/api/v1/orgs/acme/audit", "acme");
		request.setAttribute(RequestToken.ATTRIBUTE, token);
		this.interceptor.preHandle(request, new MockHttpServletResponse(), new Object());
		assertThat(caller(request).organization()).isEqualTo(this.acme);
		assertThat(this.members.calls).containsExactly("membershipIn acme");

		MockHttpServletRequest elsewhere = request("GET", "/api/v1/orgs/other-1/audit", "other-1");
		elsewhere.setAttribute(RequestToken.ATTRIBUTE, token);
		assertThatThrownBy(() -> this.interceptor.preHandle(elsewhere, new MockHttpServletResponse(), new Object()))
			.isInstanceOf(OrgNotFoundException.class);
	}

	private static MockHttpServletRequest request(String method, String path, String org) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("org", org));
		return request;
	}

	private static Caller caller(MockHttpServletRequest request) {
		return (Caller) request.getAttribute(OrgAccessInterceptor.CALLER);
	}

	/** The person's memberships, and which of the two lookups was asked. */
	private final class RecordingMembers implements Members {

		final List<Membership> memberships = new ArrayList<>();

		final List<String> calls = new ArrayList<>();

		@Override
		public List<Membership> membershipsOf(UserId user) {
			this.calls.add("membershipsOf");
			return mine(user);
		}

		@Override
		public Memberships firstMembershipsOf(UserId user, int limit) {
			this.calls.add("firstMembershipsOf");
			List<Membership> all = mine(user);
			return new Memberships(all.subList(0, Math.min(limit, all.size())), all.size());
		}

		@Override
		public Optional<Membership> membershipIn(UserId user, String orgSlug) {
			this.calls.add("membershipIn " + orgSlug);
			return mine(user).stream()
				.filter((membership) -> membership.organization().slug().equals(orgSlug))
				.findFirst();
		}

		private List<Membership> mine(UserId user) {
			return user.equals(OrgAccessInterceptorTest.this.user.id()) ? List.copyOf(this.memberships) : List.of();
		}

		@Override
		public void add(OrgId org, UserId user, Role role, Instant at) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<Member> list(OrgId org) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<Member> find(OrgId org, UserId user) {
			throw new UnsupportedOperationException();
		}

		@Override
		public int lockAndCountOwners(OrgId org) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean changeRole(OrgId org, UserId user, Role from, Role to) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean remove(OrgId org, UserId user, Role role) {
			throw new UnsupportedOperationException();
		}

	}

	/** Runs the work at once: the lookups here need no database. */
	private static final class DirectTransactions implements Transactions {

		@Override
		public <T> T inTenant(OrgId org, Supplier<T> work) {
			return work.get();
		}

		@Override
		public <T> T inTenantLongRunning(OrgId org, Supplier<T> work) {
			return work.get();
		}

		@Override
		public <T> T inTenant(OrgId org, UserId user, Supplier<T> work) {
			return work.get();
		}

		@Override
		public <T> T asUser(UserId user, Supplier<T> work) {
			return work.get();
		}

		@Override
		public <T> T global(Supplier<T> work) {
			return work.get();
		}

		@Override
		public <T> T forInvitation(String tokenHash, Supplier<T> work) {
			return work.get();
		}

		@Override
		public <T> T forApiToken(String tokenHash, Supplier<T> work) {
			return work.get();
		}

		@Override
		public <T> T forWebhook(String hookId, Supplier<T> work) {
			return work.get();
		}

		@Override
		public <T> T forSsoLookup(String registrationIdOrDomain, Supplier<T> work) {
			return work.get();
		}

		@Override
		public <T> T forScheduler(Supplier<T> work) {
			return work.get();
		}

	}

}
