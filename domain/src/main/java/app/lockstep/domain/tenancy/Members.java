package app.lockstep.domain.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.access.Role;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;

public interface Members {

	void add(OrgId org, UserId user, Role role, Instant at);

	List<Member> list(OrgId org);

	Optional<Member> find(OrgId org, UserId user);

	/**
	 * Locks the organization's owner memberships until the transaction ends and counts
	 * them.
	 */
	int lockAndCountOwners(OrgId org);

	/**
	 * Changes the member's role from {@code from} to {@code to}; whether it did (false
	 * when the member is gone or no longer has {@code from}).
	 */
	boolean changeRole(OrgId org, UserId user, Role from, Role to);

	/**
	 * Removes the member if they still have this role; whether it did (of concurrent
	 * removals, at most one does).
	 */
	boolean remove(OrgId org, UserId user, Role role);

	/**
	 * Every organization the person belongs to (needs a unit of work bound to that
	 * person).
	 */
	List<Membership> membershipsOf(UserId user);

	/**
	 * The person's first memberships by organization name, and how many they have in all
	 * (needs a unit of work bound to that person).
	 */
	Memberships firstMembershipsOf(UserId user, int limit);

	/** Some of a person's memberships, and their number. */
	record Memberships(List<Membership> first, int total) {

		public Memberships {
			first = List.copyOf(first);
		}

		public boolean more() {
			return this.total > this.first.size();
		}

	}

	/**
	 * The person's membership in the organization with this slug, if any (needs a unit of
	 * work bound to that person).
	 */
	Optional<Membership> membershipIn(UserId user, String orgSlug);

}
