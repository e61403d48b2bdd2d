package app.lockstep.domain.tenancy;

import java.time.Clock;
import java.util.UUID;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;

/** Withdraws a pending invitation so its link stops working. */
@UseCase
public final class RevokeInvitation {

	private final Invitations invitations;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public RevokeInvitation(Invitations invitations, AuditLog auditLog, Transactions transactions, Clock clock) {
		this.invitations = invitations;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public void revoke(Caller caller, UUID id) {
		caller.require(Permission.MANAGE_MEMBERS);
		this.transactions.inTenant(caller.orgId(), () -> {
			Invitation invitation = this.invitations.find(caller.orgId(), id)
				.orElseThrow(() -> new NotFoundException("No such invitation."));
			if (!invitation.pendingAt(this.clock.instant())) {
				throw new ConflictException("This invitation is no longer pending.");
			}
			if (!this.invitations.markRevoked(caller.orgId(), id, this.clock.instant())) {
				// Accepted or revoked by a concurrent request since it was read.
				throw new ConflictException("This invitation is no longer pending.");
			}
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("invitation.revoked", "invitation", id.toString())
						.detail("email", invitation.email())
						.build());
			return null;
		});
	}

}
