package app.lockstep.web.sso;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.RequireTwoFactor;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.tenancy.Member;
import app.lockstep.domain.tenancy.Members;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.persistence.testing.TestDatabase;
import app.lockstep.web.testing.Axe;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.FakeDns;
import app.lockstep.web.testing.LockstepTest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID Connect provider (mock-oauth2-server, started here
 * on a random port), in a real browser: an owner of a new organization sets up the
 * provider and verifies an email domain on the settings page (the DNS is the one fake,
 * {@link FakeDns}), then people sign in through the whole authorization code flow: a new
 * person joins with the default role, an existing account is linked, and an address at an
 * unverified domain or one the provider has not verified is refused with its reason.
 */
@LockstepTest
class SingleSignOnJourneyTest extends BrowserJourney {

	private static final String PASSWORD = "owner-password-for-sso";

	private static final String CLIENT_ID = "lockstep-client";

	private static final String CLIENT_SECRET = "very-secret-client-value-4711";

	private static MockOAuth2Server provider;

	@Autowired
	private SignUp signUp;

	@Autowired
	private Members members;

	@Autowired
	private Users users;

	@Autowired
	private Transactions transactions;

	@Autowired
	private FakeDns dns;

	private final List<String> published = new ArrayList<>();

	@BeforeAll
	static void startProvider() {
		provider = new MockOAuth2Server();
		provider.start();
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	@AfterEach
	void withdrawRecords() {
		this.published.forEach(this.dns::withdraw);
	}

	@Autowired
	ResolveMembership memberships;

	@Autowired
	RequireTwoFactor requireTwoFactor;

	@Test
	void anOwnerSetsUpSsoAndPeopleAtTheVerifiedDomainJoinWithTheDefaultRole() throws Exception {
		String id = unique();
		String domain = id + ".example";
		String slug = "sso-" + id;
		String owner = "owner@" + id + ".owners.example";
		SignUp.Result org = this.signUp
			.signUp(new SignUp.Command(owner, "Olga Owner", PASSWORD, "SSO " + id, slug, "Europe/Paris", null));
		// Someone at the domain who already has an account (in another organization).
		String existing = "erik@" + domain;
		SignUp.Result other = this.signUp
			.signUp(new SignUp.Command(existing, "Erik Existing", PASSWORD, "Other " + id, "other-" + id, null, null));

		browser.login(owner, PASSWORD)
			.open("/orgs/" + slug + "/settings")
			.click("#sso-link")
			.find("#sso-provider-form");
		assertThat(browser.find("#redirect-uri").getText()).endsWith("/login/oauth2/code/" + slug);
		// The issuer is checked before it is saved.
		browser.type("#issuer", "http://localhost:1/nobody-listens")
			.type("#clientId", CLIENT_ID)
			.type("#clientSecret", CLIENT_SECRET)
			.click("#save-sso")
			.waitForText("Nothing was saved");
		assertThat(browser.find("#issuer-error").getText()).contains("discovery document");
		browser.type("#issuer", issuer(id))
			.type("#clientSecret", CLIENT_SECRET)
			.click("#save-sso")
			.waitForText("Single sign-on saved");
		assertThat(browser.driver().getPageSource()).doesNotContain(CLIENT_SECRET);

		browser.type("#domain", domain.toUpperCase()).click("#add-domain").waitForText("added");
		String txt = browser.find("#domain-" + css(domain) + " code").getText();
		assertThat(txt).startsWith("lockstep-verification=");
		browser.click("#verify-" + css(domain)).waitForText("No TXT record");
		publish(domain, "v=spf1 -all");
		publish(domain, txt);
		browser.click("#verify-" + css(domain)).waitForText("is verified");
		assertThat(browser.find("#domain-" + css(domain)).getText()).contains("Verified");
		browser.screenshotPage("sso-settings");
		assertThat(Axe.seriousViolations(browser)).isEmpty();
		browser.resize(390, 900);
		assertThat(Axe.seriousViolations(browser)).isEmpty();
		browser.resize(1280, 900);

		// A new person at the verified domain.
		browser.logout();
		String nina = "nina@" + domain;
		provider.enqueueCallback(person(id, nina, true, "Nina New"));
		browser.open("/login").click("#sign-in-with-sso").type("#who", nina).click("#sso-continue");
		browser.waitForPath("/orgs/" + slug);
		assertThat(browser.text()).contains("SSO " + id);
		var ninaAccount = this.transactions.global(() -> this.users.findByEmail(nina)).orElseThrow();
		assertThat(ninaAccount.passwordHash()).isNull();
		assertThat(role(org, ninaAccount.id())).isEqualTo(Role.VIEWER);

		// An existing account is linked: the same person, now also a member here.
		browser.logout();
		provider.enqueueCallback(person(id, existing, true, "Someone Else"));
		browser.open("/login/sso").type("#who", slug).click("#sso-continue");
		browser.waitForPath("/orgs/" + slug);
		assertThat(role(org, other.user())).isEqualTo(Role.VIEWER);
		assertThat(this.transactions.global(() -> this.users.findByEmail(existing)).orElseThrow().id())
			.isEqualTo(other.user());

		// Signing in again changes nothing.
		browser.logout();
		provider.enqueueCallback(person(id, nina, true, "Nina New"));
		browser.open("/oauth2/authorization/" + slug).waitForPath("/orgs/" + slug);

		// An organization that requires two-factor leaves the second factor of its own
		// single sign-on to its identity provider; a password login there still needs it.
		Organization organization = this.memberships.in(org.user(), slug).orElseThrow().organization();
		this.requireTwoFactor.set(new Caller(organization, org.user(), "Olga Owner", Role.OWNER, null), true);
		browser.logout();
		provider.enqueueCallback(person(id, nina, true, "Nina New"));
		browser.open("/oauth2/authorization/" + slug).waitForPath("/orgs/" + slug);
		assertThat(browser.text()).contains("SSO " + id);
		browser.logout()
			.login(existing, PASSWORD)
			.open("/orgs/" + slug)
			.waitForUrlContaining("/account/security/setup");

		Map<String, String> audit = auditOf(slug);
		assertThat(audit).containsKeys("sso.configured", "sso.domain_added", "sso.domain_verified",
				"member.joined_via_sso");
		assertThat(audit.get("sso.configured")).contains(CLIENT_ID).contains("\"secretChanged\": true");
		assertThat(audit.values()).noneMatch((details) -> details.contains(CLIENT_SECRET));
		assertThat(count(slug, "member.joined_via_sso")).isEqualTo(2);
	}

	@Test
	void addressesOutsideTheVerifiedDomainsOrUnverifiedByTheProviderAreRefused() throws Exception {
		String id = unique();
		String domain = id + ".example";
		String slug = "sso-" + id;
		String owner = "owner@" + id + ".owners.example";
		SignUp.Result org = this.signUp
			.signUp(new SignUp.Command(owner, "Olga Owner", PASSWORD, "SSO " + id, slug, "Europe/Paris", null));
		browser.login(owner, PASSWORD).open("/orgs/" + slug + "/settings/sso");
		browser.type("#issuer", issuer(id))
			.type("#clientId", CLIENT_ID)
			.type("#clientSecret", CLIENT_SECRET)
			.select("#defaultRole", "DEVELOPER")
			.click("#save-sso")
			.waitForText("Single sign-on saved");
		browser.type("#domain", domain).click("#add-domain").waitForText("added");
		// Added but not verified: nobody at it may sign in yet.
		browser.logout();
		provider.enqueueCallback(person(id, "ulla@" + domain, true, "Ulla Unverified"));
		browser.open("/oauth2/authorization/" + slug).waitForText("not at a domain this organization has verified");
		assertThat(browser.currentPath()).startsWith("/login/sso");
		assertThat(this.transactions.global(() -> this.users.findByEmail("ulla@" + domain))).isEmpty();

		// Verified now, but another domain, and an address the provider has not verified.
		browser.login(owner, PASSWORD).open("/orgs/" + slug + "/settings/sso");
		publish(domain, browser.find("#domain-" + css(domain) + " code").getText());
		browser.click("#verify-" + css(domain)).waitForText("is verified");
		browser.logout();
		provider.enqueueCallback(person(id, "mallory@elsewhere-" + domain, true, "Mallory"));
		browser.open("/oauth2/authorization/" + slug).waitForText("not at a domain this organization has verified");
		provider.enqueueCallback(person(id, "vera@" + domain, false, "Vera"));
		browser.open("/oauth2/authorization/" + slug).waitForText("has not verified your email address");
		browser.screenshot("sso-refused");
		assertThat(this.transactions.global(() -> this.users.findByEmail("vera@" + domain))).isEmpty();
		// An email at no verified domain cannot even start.
		browser.open("/login/sso").type("#who", "someone@unknown-" + domain).click("#sso-continue");
		browser.waitForText("not set up for that organization or email domain");

		// The default role chosen applies.
		provider.enqueueCallback(person(id, "dana@" + domain, true, "Dana"));
		browser.open("/login/sso").type("#who", "dana@" + domain).click("#sso-continue");
		browser.waitForPath("/orgs/" + slug);
		var dana = this.transactions.global(() -> this.users.findByEmail("dana@" + domain)).orElseThrow();
		assertThat(role(org, dana.id())).isEqualTo(Role.DEVELOPER);
		// SSO-only people cannot log in with a password (there is none).
		browser.logout().open("/login").type("#username", "dana@" + domain).type("#password", "anything-at-all");
		browser.click("button[type=submit]").waitForText("do not match");
	}

	private void publish(String domain, String record) {
		this.dns.publishTxt(domain, record);
		this.published.add(domain);
	}

	private static String issuer(String id) {
		return provider.issuerUrl(id).toString();
	}

	private static DefaultOAuth2TokenCallback person(String issuerId, String email, boolean verified, String name) {
		return new DefaultOAuth2TokenCallback(issuerId, UUID.randomUUID().toString(), "JWT", List.of(CLIENT_ID),
				Map.of("email", email, "email_verified", verified, "name", name), 3600);
	}

	private Role role(SignUp.Result org, app.lockstep.domain.shared.UserId user) {
		return this.transactions
			.inTenant(org.organization().id(), () -> this.members.find(org.organization().id(), user))
			.map(Member::role)
			.orElseThrow();
	}

	private static String unique() {
		return "t" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String css(String domain) {
		return domain.replace(".", "\\.");
	}

	/** The organization's audit events: action to details, read behind the app. */
	private static Map<String, String> auditOf(String slug) throws Exception {
		Map<String, String> events = new java.util.HashMap<>();
		try (Connection connection = TestDatabase.get().superuserDataSource().getConnection();
				PreparedStatement query = connection
					.prepareStatement("select e.action, e.details::text from lockstep.audit_events e "
							+ "join lockstep.organizations o on o.id = e.org_id where o.slug = ? order by e.seq")) {
			query.setString(1, slug);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					events.put(rows.getString(1), rows.getString(2));
				}
			}
		}
		return events;
	}

	private static long count(String slug, String action) throws Exception {
		try (Connection connection = TestDatabase.get().superuserDataSource().getConnection();
				PreparedStatement query = connection
					.prepareStatement("select count(*) from lockstep.audit_events e join lockstep.organizations o "
							+ "on o.id = e.org_id where o.slug = ? and e.action = ?")) {
			query.setString(1, slug);
			query.setString(2, action);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
