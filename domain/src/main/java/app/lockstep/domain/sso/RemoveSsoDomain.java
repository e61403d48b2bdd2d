package app.lockstep.domain.sso;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;

/**
 * An owner gives up a domain: people at it no longer join through single sign-on (those
 * who joined stay members).
 */
@UseCase
public final class RemoveSsoDomain {

	private final SsoSettings settings;

	private final AuditLog auditLog;

	private final Transactions transactions;

	public RemoveSsoDomain(SsoSettings settings, AuditLog auditLog, Transactions transactions) {
		this.settings = settings;
		this.auditLog = auditLog;
		this.transactions = transactions;
	}

	public void remove(Caller caller, String domain) {
		caller.require(Permission.MANAGE_SETTINGS);
		String name = SsoDomains.normalize(domain);
		this.transactions.inTenant(caller.orgId(), () -> {
			if (!this.settings.removeDomain(caller.orgId(), name)) {
				throw new NotFoundException("The domain " + name + " is not one of this organization's.");
			}
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("sso.domain_removed", "sso_domain", name).build());
			return null;
		});
	}

}
