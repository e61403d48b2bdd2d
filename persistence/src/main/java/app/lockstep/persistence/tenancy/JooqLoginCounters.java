package app.lockstep.persistence.tenancy;

import java.time.Duration;
import java.time.Instant;

import app.lockstep.domain.tenancy.LoginCounters;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.LOGIN_ATTEMPTS;

/**
 * Login attempts per email key: each change is one statement (an upsert or an update on
 * the key's row), so concurrent attempts queue on the row and every one is counted.
 */
@Repository
class JooqLoginCounters implements LoginCounters {

	private final DSLContext dsl;

	JooqLoginCounters(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public @Nullable Instant admit(String key, Instant now, int max, Duration lock) {
		Instant until = now.plus(lock);
		Field<Instant> lockedUntil = LOGIN_ATTEMPTS.LOCKED_UNTIL;
		Field<Integer> attempts = LOGIN_ATTEMPTS.ATTEMPTS;
		var stillLocked = lockedUntil.gt(now);
		var lockExpired = lockedUntil.isNotNull();
		Instant result = this.dsl.insertInto(LOGIN_ATTEMPTS)
			.set(LOGIN_ATTEMPTS.EMAIL_KEY, key)
			.set(LOGIN_ATTEMPTS.ATTEMPTS, 1)
			.set(LOGIN_ATTEMPTS.UPDATED_AT, now)
			.onConflict(LOGIN_ATTEMPTS.EMAIL_KEY)
			.doUpdate()
			.set(LOGIN_ATTEMPTS.ATTEMPTS,
					DSL.when(stillLocked, attempts).when(lockExpired, DSL.inline(1)).otherwise(attempts.plus(1)))
			.set(LOGIN_ATTEMPTS.LOCKED_UNTIL,
					DSL.when(stillLocked, lockedUntil)
						.when(lockExpired, DSL.castNull(Instant.class))
						.when(attempts.plus(1).gt(max), DSL.val(until))
						.otherwise(DSL.castNull(Instant.class)))
			.set(LOGIN_ATTEMPTS.UPDATED_AT, now)
			.returning(LOGIN_ATTEMPTS.LOCKED_UNTIL)
			.fetchOne(LOGIN_ATTEMPTS.LOCKED_UNTIL);
		return lockedAt(result, now);
	}

	@Override
	public @Nullable Instant failed(String key, Instant now, int max, Duration lock) {
		Field<Instant> lockedUntil = LOGIN_ATTEMPTS.LOCKED_UNTIL;
		Instant result = this.dsl.update(LOGIN_ATTEMPTS)
			.set(LOGIN_ATTEMPTS.LOCKED_UNTIL,
					DSL.when(LOGIN_ATTEMPTS.ATTEMPTS.ge(max).and(lockedUntil.isNull().or(lockedUntil.le(now))),
							DSL.val(now.plus(lock)))
						.otherwise(lockedUntil))
			.set(LOGIN_ATTEMPTS.UPDATED_AT, now)
			.where(LOGIN_ATTEMPTS.EMAIL_KEY.eq(key))
			.returning(LOGIN_ATTEMPTS.LOCKED_UNTIL)
			.fetchOne(LOGIN_ATTEMPTS.LOCKED_UNTIL);
		return lockedAt(result, now);
	}

	@Override
	public void succeeded(String key) {
		this.dsl.deleteFrom(LOGIN_ATTEMPTS).where(LOGIN_ATTEMPTS.EMAIL_KEY.eq(key)).execute();
	}

	@Override
	public int forget(Instant before, Instant now) {
		return this.dsl.deleteFrom(LOGIN_ATTEMPTS)
			.where(LOGIN_ATTEMPTS.UPDATED_AT.lt(before))
			.and(LOGIN_ATTEMPTS.LOCKED_UNTIL.isNull().or(LOGIN_ATTEMPTS.LOCKED_UNTIL.le(now)))
			.execute();
	}

	private static @Nullable Instant lockedAt(@Nullable Instant lockedUntil, Instant now) {
		return (lockedUntil != null && lockedUntil.isAfter(now)) ? lockedUntil : null;
	}

}
