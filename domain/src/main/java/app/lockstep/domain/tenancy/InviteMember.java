package app.lockstep.domain.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.shared.UseCase;

/**
 * Invites someone by email with a role. The link is valid for 7 days; only the token's
 * hash is stored.
 */
@UseCase
public final class InviteMember {

	public static final Duration VALIDITY = Duration.ofDays(7);

	private final Invitations invitations;

	private final Members members;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public InviteMember(Invitations invitations, Members members, AuditLog auditLog, Transactions transactions,
			Clock clock) {
		this.invitations = invitations;
		this.members = members;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public record Issued(Invitation invitation, InvitationToken token) {
	}

	public Issued invite(Caller caller, String rawEmail, Role role) {
		caller.require(Permission.MANAGE_MEMBERS);
		if (role == Role.OWNER) {
			caller.require(Permission.MANAGE_OWNERS);
		}
		String email = SignUp.normalizeEmail(rawEmail);
		new Validation().email("email", email).throwIfInvalid();
		return this.transactions.inTenant(caller.orgId(), () -> {
			boolean alreadyMember = this.members.list(caller.orgId())
				.stream()
				.anyMatch((member) -> member.email().equals(email));
			if (alreadyMember) {
				throw new ConflictException("email",
						email + " is already a member of " + caller.organization().name() + ".");
			}
			Instant now = this.clock.instant();
			// One pending invitation per address: concurrent invitations of one address
			// wait here for each other, so the second sees the first.
			this.invitations.lockEmail(caller.orgId(), email);
			this.invitations.pending(caller.orgId(), now)
				.stream()
				.filter((pending) -> pending.email().equals(email))
				.findFirst()
				.ifPresent((pending) -> {
					throw new ConflictException("email",
							email + " already has a pending invitation. Withdraw it first to send a new one.");
				});
			InvitationToken token = InvitationToken.generate();
			Invitation invitation = new Invitation(caller.orgId(), UUID.randomUUID(), email, role, caller.userId(),
					caller.name(), now, now.plus(VALIDITY), null, null);
			this.invitations.add(invitation, token.hash());
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("invitation.created", "invitation", invitation.id().toString())
						.detail("email", email)
						.detail("role", role.name())
						.detail("expiresAt", invitation.expiresAt().toString())
						.build());
			return new Issued(invitation, token);
		});
	}

}
