package app.lockstep.domain.tenancy;

import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;

/**
 * An owner requires (or stops requiring) two-factor authentication of the organization's
 * members: a member without it is then led to switch it on before any page of the
 * organization opens. API tokens are unaffected. Audited in the organization's log.
 */
@UseCase
public final class RequireTwoFactor {

	private final Organizations organizations;

	private final AuditLog auditLog;

	private final Transactions transactions;

	public RequireTwoFactor(Organizations organizations, AuditLog auditLog, Transactions transactions) {
		this.organizations = organizations;
		this.auditLog = auditLog;
		this.transactions = transactions;
	}

	public Organization set(Caller caller, boolean required) {
		caller.require(Permission.MANAGE_SETTINGS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			Organization before = this.organizations.findById(caller.orgId()).orElse(caller.organization());
			Organization after = new Organization(before.id(), before.slug(), before.name(), before.timeZone(),
					required);
			if (before.requiresTwoFactor() == required) {
				return after;
			}
			this.organizations.update(after);
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("organization.two_factor_policy_changed", "organization", before.id().toString())
						.changes(Map.of("requireTwoFactor", before.requiresTwoFactor()),
								Map.of("requireTwoFactor", required))
						.build());
			return after;
		});
	}

}
