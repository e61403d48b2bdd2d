package app.lockstep.domain.sso;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.tenancy.Members;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.domain.tenancy.User;
import app.lockstep.domain.tenancy.Users;
import org.jspecify.annotations.Nullable;

/**
 * Signing in through an organization's OpenID Connect provider: finding the provider for
 * what a person typed (their email or the organization's slug), handing its client to the
 * OAuth2 client, and, once the provider vouched for the person, deciding who they are in
 * Lockstep. An address the provider verified, at a domain the organization verified, is
 * accepted: a new person gets an account without a password, an existing account with
 * that address is the person; either joins the organization with its default role unless
 * already a member.
 */
@UseCase
public final class SignInWithSso {

	private final SsoSettings settings;

	private final SsoSecrets secrets;

	private final Users users;

	private final Members members;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public SignInWithSso(SsoSettings settings, SsoSecrets secrets, Users users, Members members, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		this.settings = settings;
		this.secrets = secrets;
		this.users = users;
		this.members = members;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What the OAuth2 client needs of a provider, its secret opened. */
	public record Client(String registrationId, String issuer, String clientId, String clientSecret) {

		@Override
		public String toString() {
			return "Client[registrationId=" + this.registrationId + ", issuer=" + this.issuer + "]";
		}

	}

	/** Who signed in, and whether they joined the organization just now. */
	public record SignedIn(UserId user, String email, String name, OrgId org, boolean joined, boolean newAccount) {

	}

	/**
	 * The registration id to start signing in with, for an email address (its domain must
	 * be verified by some organization) or an organization's slug.
	 */
	public Optional<String> registrationFor(@Nullable String emailOrOrganization) {
		String typed = (emailOrOrganization != null) ? emailOrOrganization.strip() : "";
		if (typed.isEmpty() || typed.length() > 254) {
			return Optional.empty();
		}
		if (typed.contains("@")) {
			String domain = SsoDomains.ofEmail(SignUp.normalizeEmail(typed));
			if (!SsoDomains.valid(domain)) {
				return Optional.empty();
			}
			return this.transactions.forSsoLookup(domain, () -> this.settings.providerByVerifiedDomain(domain))
				.map(SsoProvider::registrationId);
		}
		String slug = typed.toLowerCase(java.util.Locale.ROOT);
		if (new Validation().slug("org", slug).hasErrors()) {
			return Optional.empty();
		}
		return client(slug).map(Client::registrationId);
	}

	/** The provider registered under this id, ready for the OAuth2 client. */
	public Optional<Client> client(String registrationId) {
		return this.transactions
			.forSsoLookup(registrationId, () -> this.settings.providerByRegistrationId(registrationId))
			.map((provider) -> new Client(provider.registrationId(), provider.issuer(), provider.clientId(),
					this.secrets.open(provider.org(), provider.secret())));
	}

	/**
	 * The provider registered under this id vouched for this person.
	 * @throws SsoRefusal when they may not sign in this way
	 */
	public SignedIn signIn(String registrationId, @Nullable String email, boolean emailVerified, @Nullable String name,
			@Nullable String ip) {
		SsoProvider provider = this.transactions
			.forSsoLookup(registrationId, () -> this.settings.providerByRegistrationId(registrationId))
			.orElseThrow(() -> new SsoRefusal(SsoRefusal.Reason.NO_PROVIDER));
		String address = SignUp.normalizeEmail(email);
		if (address.isEmpty() || new Validation().email("email", address).hasErrors()) {
			throw new SsoRefusal(SsoRefusal.Reason.NO_EMAIL);
		}
		if (!emailVerified) {
			throw new SsoRefusal(SsoRefusal.Reason.EMAIL_NOT_VERIFIED);
		}
		String domain = SsoDomains.ofEmail(address);
		String displayName = displayName(name, address);
		OrgId org = provider.org();
		return this.transactions.inTenant(org, () -> {
			boolean verified = this.settings.domains(org)
				.stream()
				.anyMatch((candidate) -> candidate.verified() && candidate.domain().equals(domain));
			if (!verified) {
				throw new SsoRefusal(SsoRefusal.Reason.DOMAIN_NOT_VERIFIED);
			}
			Instant now = this.clock.instant();
			Optional<User> existing = this.users.findByEmail(address);
			UserId user = existing.map(User::id).orElseGet(UserId::random);
			String userName = existing.map(User::name).orElse(displayName);
			if (existing.isEmpty()) {
				this.users.create(user, address, userName, null, now);
			}
			if (this.members.find(org, user).isPresent()) {
				return new SignedIn(user, address, userName, org, false, false);
			}
			this.members.add(org, user, provider.defaultRole(), now);
			this.auditLog.append(org, Actor.user(user, userName, ip),
					AuditEntry.of("member.joined_via_sso", "member", user.toString())
						.detail("email", address)
						.detail("role", provider.defaultRole().name())
						.detail("issuer", provider.issuer())
						.detail("account", existing.isPresent() ? "linked" : "created")
						.build());
			return new SignedIn(user, address, userName, org, true, existing.isEmpty());
		});
	}

	private static String displayName(@Nullable String name, String email) {
		String value = (name != null) ? name.strip() : "";
		if (value.isEmpty()) {
			value = email.substring(0, email.indexOf('@'));
		}
		return (value.length() > 100) ? value.substring(0, 100) : value;
	}

}
