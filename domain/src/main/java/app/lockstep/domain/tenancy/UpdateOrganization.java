package app.lockstep.domain.tenancy;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.shared.UseCase;

/** Renames the organization and changes its default time zone. */
@UseCase
public final class UpdateOrganization {

	private final Organizations organizations;

	private final AuditLog auditLog;

	private final Transactions transactions;

	public UpdateOrganization(Organizations organizations, AuditLog auditLog, Transactions transactions) {
		this.organizations = organizations;
		this.auditLog = auditLog;
		this.transactions = transactions;
	}

	public Organization update(Caller caller, String name, String timeZone) {
		caller.require(Permission.MANAGE_SETTINGS);
		new Validation().required("name", name, "the organization's name", 100)
			.timeZone("timeZone", timeZone)
			.throwIfInvalid();
		Organization before = caller.organization();
		Organization after = new Organization(before.id(), before.slug(), name.strip(), ZoneId.of(timeZone),
				before.requiresTwoFactor());
		return this.transactions.inTenant(caller.orgId(), () -> {
			this.organizations.update(after);
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("organization.updated", "organization", before.id().toString())
						.changes(fields(before), fields(after))
						.build());
			return after;
		});
	}

	private static Map<String, Object> fields(Organization organization) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", organization.name());
		fields.put("timeZone", organization.timeZone().getId());
		return fields;
	}

}
