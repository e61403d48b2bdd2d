package app.lockstep.domain.sso;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.testing.Fakes;
import app.lockstep.domain.testing.InMemorySsoSettings;
import app.lockstep.domain.testing.InMemoryUsers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of single sign-on on fakes: who may set it up, what a verified domain takes,
 * who may sign in and what they become. The real provider and browser are
 * SingleSignOnJourneyTest's (web).
 */
class SingleSignOnRulesTest {

	private final Fakes fakes = Fakes.at("2026-12-04T10:00:00Z");

	private final InMemorySsoSettings settings = new InMemorySsoSettings();

	private final InMemoryUsers users = new InMemoryUsers(this.fakes.members);

	private final Map<String, List<String>> dns = new java.util.HashMap<>();

	private final SsoSecrets secrets = new SsoSecrets(this.fakes.cipher);

	private final ConfigureSso configure = new ConfigureSso(this.settings, this.secrets, (issuer) -> Optional.empty(),
			this.fakes.auditLog, this.fakes.transactions, this.fakes.clock);

	private final AddSsoDomain addDomain = new AddSsoDomain(this.settings, this.fakes.auditLog, this.fakes.transactions,
			this.fakes.clock);

	private final VerifySsoDomain verifyDomain = new VerifySsoDomain(this.settings,
			(domain) -> this.dns.getOrDefault(domain, List.of()), this.fakes.auditLog, this.fakes.transactions,
			this.fakes.clock);

	private final SignInWithSso signIn = new SignInWithSso(this.settings, this.secrets, this.users, this.fakes.members,
			this.fakes.auditLog, this.fakes.transactions, this.fakes.clock);

	private final Organization acme = this.fakes.organization("acme");

	private final Caller owner = this.fakes.member(this.acme, "Olga", Role.OWNER);

	@Test
	void onlyOwnersSetUpSingleSignOnAndTheSecretIsSealedAndNeverAudited() {
		Caller admin = this.fakes.member(this.acme, "Adam", Role.ADMIN);
		assertThatThrownBy(() -> this.configure.configure(admin, "https://id.example", "c", "s", null))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.addDomain.add(admin, "acme.example")).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.verifyDomain.verify(admin, "nothing.example"))
			.isInstanceOf(ForbiddenException.class);

		SsoProvider saved = this.configure.configure(this.owner, "https://id.example", "client", "top-secret", null);
		assertThat(saved.defaultRole()).isEqualTo(Role.VIEWER);
		assertThat(saved.registrationId()).isEqualTo("acme");
		assertThat(new String(saved.secret().sealed(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain("top-secret");
		assertThat(this.signIn.client("acme").orElseThrow().clientSecret()).isEqualTo("top-secret");
		// Blank keeps the saved secret.
		this.configure.configure(this.owner, "https://id.example", "client-2", " ", "developer");
		assertThat(this.signIn.client("acme").orElseThrow().clientSecret()).isEqualTo("top-secret");
		assertThat(this.fakes.auditLog.entries(this.acme.id(), "sso.configured"))
			.allSatisfy((entry) -> assertThat(entry.toString()).doesNotContain("top-secret"))
			.hasSize(2);
	}

	@Test
	void badSettingsAreRefusedBesideTheirFields() {
		assertThatThrownBy(() -> this.configure.configure(this.owner, "http://id.example", "", null, "OWNER"))
			.isInstanceOfSatisfying(ValidationException.class,
					(ex) -> assertThat(ex.errors()).extracting((e) -> e.field())
						.containsExactlyInAnyOrder("issuer", "clientId", "clientSecret", "defaultRole"));
		// Plain http only on this machine.
		this.configure.configure(this.owner, "http://localhost:8081/realms/acme", "c", "s", null);
		assertThatThrownBy(() -> this.addDomain.add(this.owner, "mail@example.com"))
			.isInstanceOf(ValidationException.class);
		this.addDomain.add(this.owner, "Example.COM.");
		assertThatThrownBy(() -> this.addDomain.add(this.owner, "example.com")).isInstanceOf(ConflictException.class);
	}

	@Test
	void aDomainIsVerifiedByItsTxtRecordOnly() {
		SsoDomain added = this.addDomain.add(this.owner, "example.com");
		this.dns.put("example.com", List.of("v=spf1 -all", "lockstep-verification=someone-elses"));
		assertThatThrownBy(() -> this.verifyDomain.verify(this.owner, "example.com"))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining(added.txtRecord());
		this.dns.put("example.com", List.of("v=spf1 -all", added.txtRecord()));
		assertThat(this.verifyDomain.verify(this.owner, "example.com").verified()).isTrue();
		assertThat(this.fakes.auditLog.appendedActions(this.acme.id())).containsSubsequence("sso.domain_added",
				"sso.domain_verified");

		// Another organization cannot verify it too.
		Organization globex = this.fakes.organization("globex");
		Caller globexOwner = this.fakes.member(globex, "Gina", Role.OWNER);
		SsoDomain claimed = this.addDomain.add(globexOwner, "example.com");
		this.dns.put("example.com", List.of(claimed.txtRecord()));
		assertThatThrownBy(() -> this.verifyDomain.verify(globexOwner, "example.com"))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void peopleAtAVerifiedDomainJoinWithTheDefaultRoleAndOthersAreRefused() {
		this.configure.configure(this.owner, "https://id.example", "client", "secret", "lead");
		SsoDomain domain = this.addDomain.add(this.owner, "example.com");
		this.addDomain.add(this.owner, "pending.example");
		this.dns.put("example.com", List.of(domain.txtRecord()));
		this.verifyDomain.verify(this.owner, "example.com");

		assertThat(this.signIn.registrationFor("Nina@Example.com")).contains("acme");
		assertThat(this.signIn.registrationFor("acme")).contains("acme");
		assertThat(this.signIn.registrationFor("someone@pending.example")).isEmpty();
		assertThat(this.signIn.registrationFor("globex")).isEmpty();

		SignInWithSso.SignedIn nina = this.signIn.signIn("acme", "Nina@Example.com", true, "Nina", "192.0.2.9");
		assertThat(nina.joined()).isTrue();
		assertThat(nina.newAccount()).isTrue();
		assertThat(this.users.findByEmail("nina@example.com").orElseThrow().passwordHash()).isNull();
		assertThat(this.fakes.members.find(this.acme.id(), nina.user()).orElseThrow().role()).isEqualTo(Role.LEAD);
		assertThat(this.fakes.auditLog.last(this.acme.id()).action()).isEqualTo("member.joined_via_sso");

		SignInWithSso.SignedIn again = this.signIn.signIn("acme", "nina@example.com", true, "Nina", null);
		assertThat(again.user()).isEqualTo(nina.user());
		assertThat(again.joined()).isFalse();
		assertThat(this.fakes.auditLog.entries(this.acme.id(), "member.joined_via_sso")).hasSize(1);

		assertThatThrownBy(() -> this.signIn.signIn("acme", "pete@pending.example", true, "Pete", null))
			.isInstanceOfSatisfying(SsoRefusal.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(SsoRefusal.Reason.DOMAIN_NOT_VERIFIED));
		assertThatThrownBy(() -> this.signIn.signIn("acme", "vera@example.com", false, "Vera", null))
			.isInstanceOfSatisfying(SsoRefusal.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(SsoRefusal.Reason.EMAIL_NOT_VERIFIED));
		assertThatThrownBy(() -> this.signIn.signIn("acme", null, true, "Nobody", null)).isInstanceOfSatisfying(
				SsoRefusal.class, (ex) -> assertThat(ex.reason()).isEqualTo(SsoRefusal.Reason.NO_EMAIL));
		assertThatThrownBy(() -> this.signIn.signIn("globex", "nina@example.com", true, "Nina", null))
			.isInstanceOfSatisfying(SsoRefusal.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(SsoRefusal.Reason.NO_PROVIDER));
		assertThat(this.users.findByEmail("pete@pending.example")).isEmpty();
		assertThat(this.users.findByEmail("vera@example.com")).isEmpty();
	}

}
