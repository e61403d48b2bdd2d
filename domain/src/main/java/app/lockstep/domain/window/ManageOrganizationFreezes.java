package app.lockstep.domain.window;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

/**
 * Organization-wide freezes, which close every production environment: any member reads
 * them; adding and removing one needs {@link Permission#MANAGE_POLICIES} and is an audit
 * event ({@code freeze.added}, {@code freeze.removed}). Wall-clock times in the input are
 * read in the organization's time zone.
 */
@UseCase
public final class ManageOrganizationFreezes {

	/** The most freezes an organization keeps (past ones included). */
	public static final int MAX_FREEZES = 200;

	private final DeploymentWindows windows;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	private final WindowChanges changes;

	public ManageOrganizationFreezes(DeploymentWindows windows, AuditLog auditLog, Transactions transactions,
			Clock clock, WindowChanges changes) {
		this.changes = changes;
		this.windows = windows;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Every freeze of the organization, by start. */
	public List<OrganizationFreeze> list(Caller caller) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(),
				() -> this.windows.organizationFreezes(caller.orgId())
					.stream()
					.sorted(Comparator.comparing((OrganizationFreeze f) -> f.freeze().start()))
					.toList());
	}

	public OrganizationFreeze get(Caller caller, FreezeId id) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(),
				() -> this.windows.findOrganizationFreeze(caller.orgId(), id).orElseThrow(() -> notFound(id)));
	}

	public OrganizationFreeze add(Caller caller, WindowRulesInput.FreezeInput input) {
		caller.require(Permission.MANAGE_POLICIES);
		Freeze freeze = input.toFreeze(caller.organization().timeZone());
		return this.transactions.inTenant(caller.orgId(), () -> {
			if (this.windows.organizationFreezes(caller.orgId()).size() >= MAX_FREEZES) {
				throw new ValidationException("reason",
						"The organization already has " + MAX_FREEZES + " freezes; remove some past ones first.");
			}
			OrganizationFreeze added = new OrganizationFreeze(FreezeId.random(), freeze, caller.name(),
					this.clock.instant());
			this.windows.addOrganizationFreeze(caller.orgId(), added, caller.userId());
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("freeze.added", "freeze", added.id().toString())
						.detail("reason", freeze.reason())
						.detail("start", freeze.start().toString())
						.detail("end", freeze.end().toString())
						.build());
			this.changes.changed(caller.orgId(), null, caller.actor(), this.clock.instant());
			return added;
		});
	}

	public OrganizationFreeze remove(Caller caller, FreezeId id) {
		caller.require(Permission.MANAGE_POLICIES);
		return this.transactions.inTenant(caller.orgId(), () -> {
			OrganizationFreeze removed = this.windows.removeOrganizationFreeze(caller.orgId(), id)
				.orElseThrow(() -> notFound(id));
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("freeze.removed", "freeze", id.toString())
						.detail("reason", removed.freeze().reason())
						.detail("start", removed.freeze().start().toString())
						.detail("end", removed.freeze().end().toString())
						.build());
			this.changes.changed(caller.orgId(), null, caller.actor(), this.clock.instant());
			return removed;
		});
	}

	private static NotFoundException notFound(FreezeId id) {
		return new NotFoundException("No organization-wide freeze " + id + ".");
	}

}
