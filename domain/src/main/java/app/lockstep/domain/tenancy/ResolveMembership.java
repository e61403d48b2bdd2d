package app.lockstep.domain.tenancy;

import app.lockstep.domain.shared.InstanceCache;
import app.lockstep.domain.shared.InstanceCaches;

import java.util.List;
import java.util.Optional;

import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.shared.UseCase;

/**
 * Answers "which organizations does this person belong to" and "what is their role in
 * this one".
 */
@UseCase
public final class ResolveMembership {

	private final Members members;

	private final Transactions transactions;

	private final InstanceCache<MembershipKey, Membership> cache;

	private final InstanceCache<SwitcherKey, Members.Memberships> switcher;

	private record MembershipKey(UserId user, String orgSlug) {
	}

	private record SwitcherKey(UserId user, int limit) {
	}

	/**
	 * With a cache of "this person's membership in that organization"
	 * ({@link InstanceCaches#NONE} for none): a role change, a removal or a renamed
	 * organization leaves it through the database's invalidations.
	 */
	public ResolveMembership(Members members, Transactions transactions, InstanceCaches caches) {
		this.members = members;
		this.transactions = transactions;
		this.cache = caches.create("memberships", 100_000, InstanceCaches.MEMBERSHIPS);
		this.switcher = caches.create("organization-switcher", 20_000, InstanceCaches.MEMBERSHIPS);
	}

	public List<Membership> of(UserId user) {
		return this.transactions.asUser(user, () -> this.members.membershipsOf(user));
	}

	/**
	 * The first memberships by name, for the organization switcher on every page: a
	 * person in a thousand organizations gets a short menu and a link to the rest.
	 */
	public Members.Memberships first(UserId user, int limit) {
		// Kept for no organization in particular: any membership change or rename
		// anywhere forgets every switcher (they are rare; the switcher is on every page).
		return this.switcher
			.get(new SwitcherKey(user, limit),
					() -> Optional
						.of(this.transactions.asUser(user, () -> this.members.firstMembershipsOf(user, limit))),
					(memberships) -> null)
			.orElseThrow();
	}

	/**
	 * The membership in the organization with this slug; empty when it does not exist or
	 * they are not a member.
	 */
	public Optional<Membership> in(UserId user, String orgSlug) {
		return this.cache.get(new MembershipKey(user, orgSlug),
				() -> this.transactions.asUser(user, () -> this.members.membershipIn(user, orgSlug)),
				(membership) -> membership.organization().id());
	}

	/**
	 * The membership only when this instance holds it in a trusted cache; empty means
	 * "ask {@link #in}", never "not a member".
	 */
	public Optional<Membership> cachedIn(UserId user, String orgSlug) {
		return this.cache.peek(new MembershipKey(user, orgSlug));
	}

}
