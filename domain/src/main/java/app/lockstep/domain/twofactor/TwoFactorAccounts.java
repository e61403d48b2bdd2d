package app.lockstep.domain.twofactor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.shared.UserId;

/**
 * Each person's second factor: global like people themselves (no organization owns an
 * account). Every change that must happen at most once (a step used, a recovery code
 * spent) is one conditional statement, so two concurrent requests cannot both succeed.
 */
public interface TwoFactorAccounts {

	Optional<TwoFactorState> find(UserId user);

	/**
	 * A new secret waiting for its first code; replaces one still waiting, never an
	 * enabled one.
	 * @return false when two-factor is already enabled
	 */
	boolean startEnrolment(UserId user, SealedSecret secret, Instant at);

	/**
	 * Switches the waiting secret on, with the step of the code that confirmed it and the
	 * hashes of the recovery codes.
	 * @return false when there was no waiting secret
	 */
	boolean enable(UserId user, long confirmedStep, List<String> recoveryCodeHashes, Instant at);

	/**
	 * Records a step as used when it is later than the last one used.
	 * @return false when this or a later step was used already
	 */
	boolean useStep(UserId user, long step);

	/**
	 * Spends a recovery code.
	 * @return false when the person has no unused code with this hash
	 */
	boolean useRecoveryCode(UserId user, String hash, Instant at);

	/** Replaces every recovery code (used or not) with new ones. */
	void replaceRecoveryCodes(UserId user, List<String> hashes);

	/** Removes the secret and the recovery codes. */
	void delete(UserId user);

	/**
	 * The second factor of a person: the sealed secret, when it was switched on (null
	 * while it waits for its first code), the last step used and how many recovery codes
	 * are left.
	 */
	record TwoFactorState(SealedSecret secret, @org.jspecify.annotations.Nullable Instant enabledAt, long lastUsedStep,
			int recoveryCodesLeft) {

		public boolean enabled() {
			return this.enabledAt != null;
		}

	}

}
