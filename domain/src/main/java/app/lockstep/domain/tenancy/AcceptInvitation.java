package app.lockstep.domain.tenancy;

import java.time.Clock;
import java.time.Instant;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/** Reads an invitation by its link, and lets the invited person join. */
@UseCase
public final class AcceptInvitation {

	private final Invitations invitations;

	private final Organizations organizations;

	private final Members members;

	private final Users users;

	private final PasswordHasher passwordHasher;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public AcceptInvitation(Invitations invitations, Organizations organizations, Members members, Users users,
			PasswordHasher passwordHasher, AuditLog auditLog, Transactions transactions, Clock clock) {
		this.invitations = invitations;
		this.organizations = organizations;
		this.members = members;
		this.users = users;
		this.passwordHasher = passwordHasher;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public record Pending(Invitation invitation, Organization organization) {
	}

	/**
	 * A person who just signed up from an invitation link and joined its organization.
	 */
	public record Joined(UserId user, String email, String name, Organization organization) {
	}

	/** The still-valid invitation behind this link. */
	public Pending read(InvitationToken token) {
		String hash = token.hash();
		Invitation invitation = this.transactions.forInvitation(hash, () -> this.invitations.findByTokenHash(hash))
			.orElseThrow(() -> new NotFoundException("This invitation link is not valid."));
		Instant now = this.clock.instant();
		if (invitation.acceptedAt() != null) {
			throw new ConflictException("This invitation has already been accepted.");
		}
		if (invitation.revokedAt() != null) {
			throw new ConflictException("This invitation was withdrawn. Ask for a new one.");
		}
		if (!invitation.expiresAt().isAfter(now)) {
			throw new ConflictException(
					"This invitation expired on " + invitation.expiresAt() + ". Ask for a new one.");
		}
		Organization organization = this.transactions
			.inTenant(invitation.org(), () -> this.organizations.findById(invitation.org()))
			.orElseThrow(() -> new NotFoundException("This invitation link is not valid."));
		return new Pending(invitation, organization);
	}

	public Organization accept(InvitationToken token, UserId user, String userEmail, String userName,
			@Nullable String ip) {
		Pending pending = read(token);
		Invitation invitation = pending.invitation();
		if (!invitation.email().equals(SignUp.normalizeEmail(userEmail))) {
			throw new ForbiddenException("This invitation is for " + invitation.email() + ". You are signed in as "
					+ userEmail + "; sign out and sign in (or sign up) with the invited address.");
		}
		return this.transactions.inTenant(invitation.org(), user, () -> join(pending, user, userName, ip));
	}

	/**
	 * Someone without an account signs up from the link: the account gets the invited
	 * address and joins.
	 */
	public Joined signUpAndAccept(InvitationToken token, String name, String password, @Nullable String ip) {
		Pending pending = read(token);
		Invitation invitation = pending.invitation();
		Validation validation = new Validation().required("name", name, "your name", 100);
		PasswordPolicy.problem(password, invitation.email())
			.ifPresent((problem) -> validation.add("password", problem));
		validation.throwIfInvalid();
		UserId user = UserId.random();
		String hash = this.passwordHasher.hash(password);
		return this.transactions.inTenant(invitation.org(), user, () -> {
			this.users.create(user, invitation.email(), name.strip(), hash, this.clock.instant());
			return new Joined(user, invitation.email(), name.strip(), join(pending, user, name.strip(), ip));
		});
	}

	private Organization join(Pending pending, UserId user, String userName, @Nullable String ip) {
		Invitation invitation = pending.invitation();
		Instant now = this.clock.instant();
		if (this.members.find(invitation.org(), user).isPresent()) {
			throw new ConflictException("You are already a member of " + pending.organization().name() + ".");
		}
		// First, and conditionally: of concurrent acceptances one joins, the others find
		// the invitation taken.
		if (!this.invitations.markAccepted(invitation.org(), invitation.id(), user, now)) {
			throw new ConflictException(
					"This invitation is no longer pending: it was accepted or withdrawn meanwhile.");
		}
		this.members.add(invitation.org(), user, invitation.role(), now);
		this.auditLog.append(invitation.org(), Actor.user(user, userName, ip),
				AuditEntry.of("invitation.accepted", "member", user.toString())
					.detail("invitation", invitation.id().toString())
					.detail("email", invitation.email())
					.detail("role", invitation.role().name())
					.build());
		return pending.organization();
	}

}
