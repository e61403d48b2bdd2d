package app.lockstep.persistence.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.tenancy.Member;
import app.lockstep.domain.tenancy.Membership;
import app.lockstep.domain.tenancy.Members;
import app.lockstep.domain.access.Role;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.SelectOnConditionStep;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.MEMBERSHIPS;
import static app.lockstep.persistence.jooq.Tables.ORGANIZATIONS;
import static app.lockstep.persistence.jooq.Tables.USERS;

@Repository
class JooqMembers implements Members {

	private final DSLContext dsl;

	JooqMembers(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public void add(OrgId org, UserId user, Role role, Instant at) {
		this.dsl.insertInto(MEMBERSHIPS)
			.set(MEMBERSHIPS.ORG_ID, org)
			.set(MEMBERSHIPS.USER_ID, user)
			.set(MEMBERSHIPS.ROLE, role.name())
			.set(MEMBERSHIPS.CREATED_AT, at)
			.execute();
	}

	@Override
	public List<Member> list(OrgId org) {
		return this.dsl.select(USERS.ID, USERS.EMAIL, USERS.NAME, MEMBERSHIPS.ROLE, MEMBERSHIPS.CREATED_AT)
			.from(MEMBERSHIPS)
			.join(USERS)
			.on(USERS.ID.eq(MEMBERSHIPS.USER_ID))
			.where(MEMBERSHIPS.ORG_ID.eq(org))
			.orderBy(USERS.NAME, USERS.EMAIL)
			.fetch(JooqMembers::toMember);
	}

	@Override
	public Optional<Member> find(OrgId org, UserId user) {
		return this.dsl.select(USERS.ID, USERS.EMAIL, USERS.NAME, MEMBERSHIPS.ROLE, MEMBERSHIPS.CREATED_AT)
			.from(MEMBERSHIPS)
			.join(USERS)
			.on(USERS.ID.eq(MEMBERSHIPS.USER_ID))
			.where(MEMBERSHIPS.ORG_ID.eq(org).and(MEMBERSHIPS.USER_ID.eq(user)))
			.fetchOptional(JooqMembers::toMember);
	}

	@Override
	public int lockAndCountOwners(OrgId org) {
		return this.dsl.select(MEMBERSHIPS.USER_ID)
			.from(MEMBERSHIPS)
			.where(MEMBERSHIPS.ORG_ID.eq(org).and(MEMBERSHIPS.ROLE.eq(Role.OWNER.name())))
			.forUpdate()
			.fetch()
			.size();
	}

	@Override
	public boolean changeRole(OrgId org, UserId user, Role from, Role to) {
		return this.dsl.update(MEMBERSHIPS)
			.set(MEMBERSHIPS.ROLE, to.name())
			.where(MEMBERSHIPS.ORG_ID.eq(org).and(MEMBERSHIPS.USER_ID.eq(user)).and(MEMBERSHIPS.ROLE.eq(from.name())))
			.execute() == 1;
	}

	@Override
	public boolean remove(OrgId org, UserId user, Role role) {
		return this.dsl.deleteFrom(MEMBERSHIPS)
			.where(MEMBERSHIPS.ORG_ID.eq(org).and(MEMBERSHIPS.USER_ID.eq(user)).and(MEMBERSHIPS.ROLE.eq(role.name())))
			.execute() == 1;
	}

	@Override
	public List<Membership> membershipsOf(UserId user) {
		return withOrganizations().where(MEMBERSHIPS.USER_ID.eq(user))
			.orderBy(ORGANIZATIONS.NAME)
			.fetch(JooqMembers::toMembership);
	}

	@Override
	public Memberships firstMembershipsOf(UserId user, int limit) {
		org.jooq.Result<Record> rows = withOrganizations().where(MEMBERSHIPS.USER_ID.eq(user))
			.orderBy(ORGANIZATIONS.NAME)
			.limit(limit)
			.fetch();
		List<Membership> first = rows.map(JooqMembers::toMembership);
		int count = (first.size() < limit) ? first.size()
				: this.dsl.fetchCount(MEMBERSHIPS, MEMBERSHIPS.USER_ID.eq(user));
		return new Memberships(first, count);
	}

	@Override
	public Optional<Membership> membershipIn(UserId user, String orgSlug) {
		return withOrganizations().where(MEMBERSHIPS.USER_ID.eq(user).and(ORGANIZATIONS.SLUG.eq(orgSlug)))
			.fetchOptional(JooqMembers::toMembership);
	}

	/** Memberships with their organizations, as {@link #toMembership} reads them. */
	private SelectOnConditionStep<Record> withOrganizations() {
		return this.dsl.select(ORGANIZATIONS.fields())
			.select(MEMBERSHIPS.ROLE)
			.from(MEMBERSHIPS)
			.join(ORGANIZATIONS)
			.on(ORGANIZATIONS.ID.eq(MEMBERSHIPS.ORG_ID));
	}

	private static Membership toMembership(Record record) {
		return new Membership(JooqOrganizations.toOrganization(record.into(ORGANIZATIONS)),
				Role.valueOf(record.get(MEMBERSHIPS.ROLE)));
	}

	private static Member toMember(Record5<UserId, String, String, String, java.time.Instant> record) {
		return new Member(record.value1(), record.value2(), record.value3(), Role.valueOf(record.value4()),
				record.value5());
	}

}
