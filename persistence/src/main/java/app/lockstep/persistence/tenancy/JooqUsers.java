package app.lockstep.persistence.tenancy;

import java.time.Instant;
import java.util.Optional;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.tenancy.User;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.persistence.jooq.tables.records.UsersRecord;
import app.lockstep.persistence.shared.UniqueViolations;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.USERS;

@Repository
class JooqUsers implements Users {

	private final DSLContext dsl;

	JooqUsers(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Optional<User> findByEmail(String email) {
		return this.dsl.selectFrom(USERS).where(USERS.EMAIL.eq(email)).fetchOptional().map(JooqUsers::toUser);
	}

	@Override
	public Optional<User> findById(UserId id) {
		return this.dsl.selectFrom(USERS).where(USERS.ID.eq(id)).fetchOptional().map(JooqUsers::toUser);
	}

	@Override
	public void create(UserId id, String email, String name, @Nullable String passwordHash, Instant at) {
		try {
			this.dsl.insertInto(USERS)
				.set(USERS.ID, id)
				.set(USERS.EMAIL, email)
				.set(USERS.NAME, name)
				.set(USERS.PASSWORD_HASH, passwordHash)
				.set(USERS.CREATED_AT, at)
				.execute();
		}
		catch (RuntimeException ex) {
			if (UniqueViolations.constraintOf(ex).isPresent()) {
				throw new ConflictException("email", "An account with " + email + " already exists. Log in instead.");
			}
			throw ex;
		}
	}

	@Override
	public void rememberLastOrganization(UserId id, OrgId org) {
		// Written only when it changes: a page view writes no row for the same place.
		this.dsl.update(USERS)
			.set(USERS.LAST_ORG_ID, org)
			.where(USERS.ID.eq(id).and(USERS.LAST_ORG_ID.isDistinctFrom(org)))
			.execute();
	}

	private static User toUser(UsersRecord record) {
		return new User(record.getId(), record.getEmail(), record.getName(), record.getPasswordHash(),
				(record.getLastOrgId() != null) ? record.getLastOrgId() : null);
	}

}
