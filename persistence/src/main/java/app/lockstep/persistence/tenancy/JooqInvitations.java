package app.lockstep.persistence.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.tenancy.Invitation;
import app.lockstep.domain.tenancy.Invitations;
import app.lockstep.domain.access.Role;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.INVITATIONS;
import static app.lockstep.persistence.jooq.Tables.USERS;

@Repository
class JooqInvitations implements Invitations {

	private final DSLContext dsl;

	JooqInvitations(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public void add(Invitation invitation, String tokenHash) {
		this.dsl.insertInto(INVITATIONS)
			.set(INVITATIONS.ORG_ID, invitation.org())
			.set(INVITATIONS.ID, invitation.id())
			.set(INVITATIONS.EMAIL, invitation.email())
			.set(INVITATIONS.ROLE, invitation.role().name())
			.set(INVITATIONS.TOKEN_HASH, tokenHash)
			.set(INVITATIONS.INVITED_BY, invitation.invitedBy())
			.set(INVITATIONS.CREATED_AT, invitation.createdAt())
			.set(INVITATIONS.EXPIRES_AT, invitation.expiresAt())
			.execute();
	}

	@Override
	public Optional<Invitation> findByTokenHash(String tokenHash) {
		return select(INVITATIONS.TOKEN_HASH.eq(tokenHash)).stream().findFirst();
	}

	@Override
	public Optional<Invitation> find(OrgId org, UUID id) {
		return select(INVITATIONS.ORG_ID.eq(org).and(INVITATIONS.ID.eq(id))).stream().findFirst();
	}

	@Override
	public List<Invitation> pending(OrgId org, Instant now) {
		return select(INVITATIONS.ORG_ID.eq(org)
			.and(INVITATIONS.ACCEPTED_AT.isNull())
			.and(INVITATIONS.REVOKED_AT.isNull())
			.and(INVITATIONS.EXPIRES_AT.gt(now)));
	}

	@Override
	public void lockEmail(OrgId org, String email) {
		// A transaction-scoped advisory lock on a hash of (organization, email): two
		// invitations of one address serialise; a hash collision only makes two
		// unrelated invitations take turns.
		this.dsl.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.function("hashtextextended", Long.class,
				DSL.val("invitation:" + org + ":" + email), DSL.inline(0L))))
			.fetch();
	}

	@Override
	public boolean markAccepted(OrgId org, UUID id, UserId user, Instant at) {
		return this.dsl.update(INVITATIONS)
			.set(INVITATIONS.ACCEPTED_AT, at)
			.set(INVITATIONS.ACCEPTED_BY, user)
			.where(INVITATIONS.ORG_ID.eq(org).and(INVITATIONS.ID.eq(id)).and(stillOpen()))
			.execute() == 1;
	}

	@Override
	public boolean markRevoked(OrgId org, UUID id, Instant at) {
		return this.dsl.update(INVITATIONS)
			.set(INVITATIONS.REVOKED_AT, at)
			.where(INVITATIONS.ORG_ID.eq(org).and(INVITATIONS.ID.eq(id)).and(stillOpen()))
			.execute() == 1;
	}

	/**
	 * Neither accepted nor revoked (an UPDATE re-checks it after waiting for the row).
	 */
	private static Condition stillOpen() {
		return INVITATIONS.ACCEPTED_AT.isNull().and(INVITATIONS.REVOKED_AT.isNull());
	}

	private List<Invitation> select(Condition condition) {
		return this.dsl.select(INVITATIONS.fields())
			.select(USERS.NAME)
			.from(INVITATIONS)
			.leftJoin(USERS)
			.on(USERS.ID.eq(INVITATIONS.INVITED_BY))
			.where(condition)
			.orderBy(INVITATIONS.CREATED_AT.desc())
			.fetch(JooqInvitations::toInvitation);
	}

	private static Invitation toInvitation(Record record) {
		return new Invitation(record.get(INVITATIONS.ORG_ID), record.get(INVITATIONS.ID), record.get(INVITATIONS.EMAIL),
				Role.valueOf(record.get(INVITATIONS.ROLE)), record.get(INVITATIONS.INVITED_BY), record.get(USERS.NAME),
				record.get(INVITATIONS.CREATED_AT), record.get(INVITATIONS.EXPIRES_AT),
				record.get(INVITATIONS.ACCEPTED_AT), record.get(INVITATIONS.REVOKED_AT));
	}

}
