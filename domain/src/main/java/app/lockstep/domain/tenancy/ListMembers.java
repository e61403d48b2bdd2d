package app.lockstep.domain.tenancy;

import java.time.Clock;
import java.util.List;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;

/** The member list with the invitations still pending. */
@UseCase
public final class ListMembers {

	private final Members members;

	private final Invitations invitations;

	private final Transactions transactions;

	private final Clock clock;

	public ListMembers(Members members, Invitations invitations, Transactions transactions, Clock clock) {
		this.members = members;
		this.invitations = invitations;
		this.transactions = transactions;
		this.clock = clock;
	}

	public record View(List<Member> members, List<Invitation> pendingInvitations) {
	}

	public View list(Caller caller) {
		caller.require(Permission.VIEW_MEMBERS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			List<Invitation> pending = caller.can(Permission.MANAGE_MEMBERS)
					? this.invitations.pending(caller.orgId(), this.clock.instant()) : List.of();
			return new View(this.members.list(caller.orgId()), pending);
		});
	}

}
