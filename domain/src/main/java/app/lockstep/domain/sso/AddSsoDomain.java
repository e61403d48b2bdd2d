package app.lockstep.domain.sso;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * An owner claims an email domain for the organization's single sign-on; it counts once
 * verified ({@link VerifySsoDomain}) with the random token it gets here.
 */
@UseCase
public final class AddSsoDomain {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SsoSettings settings;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public AddSsoDomain(SsoSettings settings, AuditLog auditLog, Transactions transactions, Clock clock) {
		this.settings = settings;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public SsoDomain add(Caller caller, @Nullable String domain) {
		caller.require(Permission.MANAGE_SETTINGS);
		String name = SsoDomains.normalize(domain);
		if (name.isEmpty()) {
			throw new ValidationException("domain", "Enter a domain, such as example.com.");
		}
		if (!SsoDomains.valid(name)) {
			throw new ValidationException("domain", "Enter a domain such as example.com (letters, digits, "
					+ "dashes and dots; no @, no scheme, no path).");
		}
		byte[] token = new byte[18];
		RANDOM.nextBytes(token);
		SsoDomain added = new SsoDomain(name, Base64.getUrlEncoder().withoutPadding().encodeToString(token),
				this.clock.instant(), null);
		return this.transactions.inTenant(caller.orgId(), () -> {
			this.settings.addDomain(caller.orgId(), added);
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("sso.domain_added", "sso_domain", name).build());
			return added;
		});
	}

}
