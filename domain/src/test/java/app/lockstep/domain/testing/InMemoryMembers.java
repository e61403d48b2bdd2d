package app.lockstep.domain.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.access.Role;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.tenancy.Member;
import app.lockstep.domain.tenancy.Members;
import app.lockstep.domain.tenancy.Membership;

/**
 * Memberships per organization, listed by name then email. People (name, email) are
 * registered with {@link #person} first, as the users table holds them. A person's
 * memberships across organizations are not faked: they need a unit of work bound to the
 * person, tested against the database.
 */
public final class InMemoryMembers implements Members {

	private record Person(String email, String name) {
	}

	private final Map<UserId, Person> people = new HashMap<>();

	private final Map<OrgId, Map<UserId, Member>> byOrg = new HashMap<>();

	/** Registers a person (a user row) so that they can become a member. */
	public void person(UserId user, String email, String name) {
		this.people.put(user, new Person(email, name));
	}

	private Map<UserId, Member> of(OrgId org) {
		return this.byOrg.computeIfAbsent(org, (o) -> new LinkedHashMap<>());
	}

	@Override
	public void add(OrgId org, UserId user, Role role, Instant at) {
		Person person = this.people.get(user);
		if (person == null) {
			throw new IllegalStateException("foreign key: no user " + user);
		}
		if (of(org).containsKey(user)) {
			throw new IllegalStateException("duplicate key: " + user + " is a member already");
		}
		of(org).put(user, new Member(user, person.email(), person.name(), role, at));
	}

	@Override
	public List<Member> list(OrgId org) {
		return of(org).values()
			.stream()
			.sorted(Comparator.comparing(Member::name).thenComparing(Member::email))
			.toList();
	}

	@Override
	public Optional<Member> find(OrgId org, UserId user) {
		return Optional.ofNullable(of(org).get(user));
	}

	@Override
	public int lockAndCountOwners(OrgId org) {
		return (int) of(org).values().stream().filter((m) -> m.role() == Role.OWNER).count();
	}

	@Override
	public boolean changeRole(OrgId org, UserId user, Role from, Role to) {
		Member member = of(org).get(user);
		if (member == null || member.role() != from) {
			return false;
		}
		of(org).put(user, new Member(user, member.email(), member.name(), to, member.since()));
		return true;
	}

	@Override
	public boolean remove(OrgId org, UserId user, Role role) {
		Member member = of(org).get(user);
		if (member == null || member.role() != role) {
			return false;
		}
		of(org).remove(user);
		return true;
	}

	@Override
	public List<Membership> membershipsOf(UserId user) {
		throw new UnsupportedOperationException("not faked: memberships across organizations");
	}

	@Override
	public Memberships firstMembershipsOf(UserId user, int limit) {
		throw new UnsupportedOperationException("not faked: memberships across organizations");
	}

	@Override
	public Optional<Membership> membershipIn(UserId user, String orgSlug) {
		throw new UnsupportedOperationException("not faked: memberships across organizations");
	}

}
