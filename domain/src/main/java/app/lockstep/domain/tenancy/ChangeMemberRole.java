package app.lockstep.domain.tenancy;

import java.util.Map;

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

/**
 * Changes a member's role. Owners are managed only by owners, and the last OWNER cannot
 * be demoted.
 */
@UseCase
public final class ChangeMemberRole {

	private final Members members;

	private final AuditLog auditLog;

	private final Transactions transactions;

	public ChangeMemberRole(Members members, AuditLog auditLog, Transactions transactions) {
		this.members = members;
		this.auditLog = auditLog;
		this.transactions = transactions;
	}

	public Member change(Caller caller, UserId user, Role role) {
		caller.require(Permission.MANAGE_MEMBERS);
		if (role == Role.OWNER) {
			caller.require(Permission.MANAGE_OWNERS);
		}
		return this.transactions.inTenant(caller.orgId(), () -> {
			Member member = this.members.find(caller.orgId(), user)
				.orElseThrow(() -> new NotFoundException("No such member."));
			if (member.role() == role) {
				return member;
			}
			if (member.role() == Role.OWNER) {
				caller.require(Permission.MANAGE_OWNERS);
				if (this.members.lockAndCountOwners(caller.orgId()) <= 1) {
					throw new ConflictException("role", member.name()
							+ " is the last owner. Make someone else an owner first, so the organization is never left without one.");
				}
			}
			if (!this.members.changeRole(caller.orgId(), user, member.role(), role)) {
				// Changed or removed by a concurrent request since it was read.
				Member now = this.members.find(caller.orgId(), user)
					.orElseThrow(() -> new NotFoundException("No such member."));
				if (now.role() == role) {
					return now;
				}
				throw new ConflictException("role", now.name() + "'s role changed to " + now.role().label()
						+ " meanwhile. Look again before changing it.");
			}
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("member.role_changed", "member", user.toString())
						.detail("email", member.email())
						.changes(Map.of("role", member.role().name()), Map.of("role", role.name()))
						.build());
			return new Member(member.userId(), member.email(), member.name(), role, member.since());
		});
	}

}
