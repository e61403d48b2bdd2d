package app.lockstep.persistence.twofactor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.twofactor.TwoFactorAccounts;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.TWO_FACTOR_RECOVERY_CODES;
import static app.lockstep.persistence.jooq.Tables.TWO_FACTOR_SECRETS;

/**
 * Second factors, one row per person plus their recovery codes. Using a step or a
 * recovery code is one conditional update, so of two concurrent requests with the same
 * code only one succeeds.
 */
@Repository
class JooqTwoFactorAccounts implements TwoFactorAccounts {

	private final DSLContext dsl;

	JooqTwoFactorAccounts(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Optional<TwoFactorState> find(UserId user) {
		var left = DSL.field(DSL.selectCount()
			.from(TWO_FACTOR_RECOVERY_CODES)
			.where(TWO_FACTOR_RECOVERY_CODES.USER_ID.eq(user))
			.and(TWO_FACTOR_RECOVERY_CODES.USED_AT.isNull()));
		return this.dsl
			.select(TWO_FACTOR_SECRETS.SECRET_KEY_ID, TWO_FACTOR_SECRETS.SECRET_SEALED, TWO_FACTOR_SECRETS.ENABLED_AT,
					TWO_FACTOR_SECRETS.LAST_USED_STEP, left)
			.from(TWO_FACTOR_SECRETS)
			.where(TWO_FACTOR_SECRETS.USER_ID.eq(user))
			.fetchOptional((row) -> new TwoFactorState(new SealedSecret(row.value1(), row.value2()), row.value3(),
					row.value4(), row.value5()));
	}

	@Override
	public boolean startEnrolment(UserId user, SealedSecret secret, Instant at) {
		return this.dsl.insertInto(TWO_FACTOR_SECRETS)
			.set(TWO_FACTOR_SECRETS.USER_ID, user)
			.set(TWO_FACTOR_SECRETS.SECRET_KEY_ID, secret.keyId())
			.set(TWO_FACTOR_SECRETS.SECRET_SEALED, secret.sealed())
			.set(TWO_FACTOR_SECRETS.CREATED_AT, at)
			.onConflict(TWO_FACTOR_SECRETS.USER_ID)
			.doUpdate()
			.set(TWO_FACTOR_SECRETS.SECRET_KEY_ID, secret.keyId())
			.set(TWO_FACTOR_SECRETS.SECRET_SEALED, secret.sealed())
			.set(TWO_FACTOR_SECRETS.CREATED_AT, at)
			.set(TWO_FACTOR_SECRETS.LAST_USED_STEP, -1L)
			.where(TWO_FACTOR_SECRETS.ENABLED_AT.isNull())
			.execute() == 1;
	}

	@Override
	public boolean enable(UserId user, long confirmedStep, List<String> recoveryCodeHashes, Instant at) {
		int updated = this.dsl.update(TWO_FACTOR_SECRETS)
			.set(TWO_FACTOR_SECRETS.ENABLED_AT, at)
			.set(TWO_FACTOR_SECRETS.LAST_USED_STEP, confirmedStep)
			.where(TWO_FACTOR_SECRETS.USER_ID.eq(user))
			.and(TWO_FACTOR_SECRETS.ENABLED_AT.isNull())
			.execute();
		if (updated == 0) {
			return false;
		}
		replaceRecoveryCodes(user, recoveryCodeHashes);
		return true;
	}

	@Override
	public boolean useStep(UserId user, long step) {
		return this.dsl.update(TWO_FACTOR_SECRETS)
			.set(TWO_FACTOR_SECRETS.LAST_USED_STEP, step)
			.where(TWO_FACTOR_SECRETS.USER_ID.eq(user))
			.and(TWO_FACTOR_SECRETS.LAST_USED_STEP.lt(step))
			.execute() == 1;
	}

	@Override
	public boolean useRecoveryCode(UserId user, String hash, Instant at) {
		return this.dsl.update(TWO_FACTOR_RECOVERY_CODES)
			.set(TWO_FACTOR_RECOVERY_CODES.USED_AT, at)
			.where(TWO_FACTOR_RECOVERY_CODES.USER_ID.eq(user))
			.and(TWO_FACTOR_RECOVERY_CODES.CODE_HASH.eq(hash))
			.and(TWO_FACTOR_RECOVERY_CODES.USED_AT.isNull())
			.execute() == 1;
	}

	@Override
	public void replaceRecoveryCodes(UserId user, List<String> hashes) {
		this.dsl.deleteFrom(TWO_FACTOR_RECOVERY_CODES).where(TWO_FACTOR_RECOVERY_CODES.USER_ID.eq(user)).execute();
		var insert = this.dsl.insertInto(TWO_FACTOR_RECOVERY_CODES, TWO_FACTOR_RECOVERY_CODES.USER_ID,
				TWO_FACTOR_RECOVERY_CODES.CODE_HASH);
		for (String hash : hashes) {
			insert = insert.values(user, hash);
		}
		if (!hashes.isEmpty()) {
			insert.execute();
		}
	}

	@Override
	public void delete(UserId user) {
		this.dsl.deleteFrom(TWO_FACTOR_SECRETS).where(TWO_FACTOR_SECRETS.USER_ID.eq(user)).execute();
	}

}
