package app.lockstep.domain.tenancy;

import java.util.List;
import java.util.Optional;

import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UserId;

/**
 * Answers "which organizations does this person belong to" and "what is their role in
 * this one".
 */
public final class ResolveMembership {

	private final Members members;

	private final Transactions transactions;

	public ResolveMembership(Members members, Transactions transactions) {
		this.members = members;
		this.transactions = transactions;
	}

	public List<Membership> of(UserId user) {
		return this.transactions.asUser(user, () -> this.members.membershipsOf(user));
	}

	/**
	 * The membership in the organization with this slug; empty when it does not exist or
	 * they are not a member.
	 */
	public Optional<Membership> in(UserId user, String orgSlug) {
		return this.transactions.asUser(user, () -> this.members.membershipIn(user, orgSlug));
	}

}
