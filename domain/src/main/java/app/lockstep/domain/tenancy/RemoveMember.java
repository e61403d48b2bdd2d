package app.lockstep.domain.tenancy;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.shared.UseCase;

/** Removes a member. Owners are removed only by owners, and never the last one. */
@UseCase
public final class RemoveMember {

	private final Members members;

	private final AuditLog auditLog;

	private final Transactions transactions;

	public RemoveMember(Members members, AuditLog auditLog, Transactions transactions) {
		this.members = members;
		this.auditLog = auditLog;
		this.transactions = transactions;
	}

	public void remove(Caller caller, UserId user) {
		caller.require(Permission.MANAGE_MEMBERS);
		this.transactions.inTenant(caller.orgId(), () -> {
			Member member = this.members.find(caller.orgId(), user)
				.orElseThrow(() -> new NotFoundException("No such member."));
			if (member.role() == Role.OWNER) {
				caller.require(Permission.MANAGE_OWNERS);
				if (this.members.lockAndCountOwners(caller.orgId()) <= 1) {
					throw new ConflictException(member.name()
							+ " is the last owner and cannot be removed. Make someone else an owner first.");
				}
			}
			// Conditional: of concurrent removals one removes (and is audited); a member
			// whose role changed meanwhile is looked at again.
			if (!this.members.remove(caller.orgId(), user, member.role())) {
				throw this.members.find(caller.orgId(), user)
					.<RuntimeException>map((now) -> new ConflictException(now.name() + "'s role changed to "
							+ now.role().label() + " meanwhile. Look again before removing them."))
					.orElseGet(() -> new NotFoundException("No such member."));
			}
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("member.removed", "member", user.toString())
						.detail("email", member.email())
						.detail("role", member.role().name())
						.build());
			return null;
		});
	}

}
