package app.lockstep.domain.sso;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.Validation;
import org.jspecify.annotations.Nullable;

/**
 * An owner names the organization's OpenID Connect provider: issuer, client id, client
 * secret (sealed; left blank, the saved one stays) and the role people joining through it
 * get. The audit event names what changed, never the secret.
 */
@UseCase
public final class ConfigureSso {

	private final SsoSettings settings;

	private final SsoSecrets secrets;

	private final ProviderDiscovery discovery;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public ConfigureSso(SsoSettings settings, SsoSecrets secrets, ProviderDiscovery discovery, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		this.settings = settings;
		this.secrets = secrets;
		this.discovery = discovery;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public SsoProvider configure(Caller caller, @Nullable String issuer, @Nullable String clientId,
			@Nullable String clientSecret, @Nullable String defaultRole) {
		caller.require(Permission.MANAGE_SETTINGS);
		Optional<SsoProvider> existing = this.transactions.inTenant(caller.orgId(),
				() -> this.settings.provider(caller.orgId()));
		String cleanIssuer = (issuer != null) ? issuer.strip() : "";
		String client = (clientId != null) ? clientId.strip() : "";
		String secretText = (clientSecret != null) ? clientSecret.strip() : "";
		boolean newSecret = !secretText.isEmpty();
		Validation validation = new Validation().required("issuer", cleanIssuer, "the issuer URL", 500)
			.required("clientId", client, "the client id", 300)
			.check(newSecret || existing.isPresent(), "clientSecret", "Enter the client secret.")
			.check(secretText.length() <= 1000, "clientSecret", "The client secret is longer than 1000 characters.");
		String issuerProblem = issuerProblem(cleanIssuer);
		if (issuerProblem != null) {
			validation.add("issuer", issuerProblem);
		}
		Role role = role(defaultRole, validation);
		validation.throwIfInvalid();
		this.discovery.problemWith(cleanIssuer).ifPresent((problem) -> validation.add("issuer", problem));
		validation.throwIfInvalid();
		return this.transactions.inTenant(caller.orgId(), () -> {
			SealedSecret secret = newSecret ? this.secrets.seal(caller.orgId(), secretText)
					: existing.orElseThrow().secret();
			SsoProvider provider = new SsoProvider(caller.orgId(), caller.organization().slug(), cleanIssuer, client,
					secret, role, this.clock.instant(), caller.name());
			this.settings.save(provider);
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("sso.configured", "organization", caller.orgId().toString())
						.detail("issuer", cleanIssuer)
						.detail("clientId", client)
						.detail("defaultRole", role.name())
						.detail("secretChanged", newSecret)
						.build());
			return provider;
		});
	}

	private static Role role(@Nullable String value, Validation validation) {
		if (value == null || value.isBlank()) {
			return Role.VIEWER;
		}
		try {
			Role role = Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
			if (role != Role.OWNER) {
				return role;
			}
		}
		catch (IllegalArgumentException ex) {
			// refused below
		}
		validation.add("defaultRole", "Choose admin, lead, developer, viewer or auditor.");
		return Role.VIEWER;
	}

	/**
	 * HTTPS, or plain HTTP only on this machine (a provider run beside Lockstep while
	 * trying it out).
	 */
	static @Nullable String issuerProblem(String issuer) {
		if (issuer.isEmpty()) {
			return null;
		}
		try {
			URI uri = new URI(issuer);
			String host = uri.getHost();
			if (host == null || uri.getRawQuery() != null || uri.getRawFragment() != null
					|| uri.getRawUserInfo() != null) {
				return "Enter the issuer as a URL such as https://login.example.com/realms/acme.";
			}
			boolean local = host.equals("localhost") || host.equals("127.0.0.1");
			if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && local)) {
				return "The issuer must be an https:// URL.";
			}
			return null;
		}
		catch (URISyntaxException ex) {
			return "Enter the issuer as a URL such as https://login.example.com/realms/acme.";
		}
	}

}
