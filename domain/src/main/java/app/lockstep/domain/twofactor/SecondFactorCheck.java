package app.lockstep.domain.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalLong;

import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.tenancy.LoginCounters;
import app.lockstep.domain.twofactor.TwoFactorAccounts.TwoFactorState;

/**
 * Checks a code a person typed as their second factor: a current TOTP code (each step
 * accepted once) or one of their unused recovery codes (each accepted once). Codes are
 * locked out like passwords: after 5 wrong ones in a row, the person's second step is
 * locked for 15 minutes, counted in the same table as logins under a key of its own, and
 * each attempt is counted before the code is looked at.
 */
@UseCase
public final class SecondFactorCheck {

	public static final int MAX_FAILURES = 5;

	public static final Duration LOCK = Duration.ofMinutes(15);

	/** What became of a typed code. */
	public enum Outcome {

		/** A current code from the authenticator app. */
		CODE_ACCEPTED,
		/** One of the recovery codes, now spent. */
		RECOVERY_CODE_ACCEPTED,
		/** Neither (or already used). */
		WRONG,
		/** Too many wrong codes: not even looked at. */
		LOCKED,
		/** The person has no second factor switched on. */
		NOT_ENABLED;

		public boolean accepted() {
			return this == CODE_ACCEPTED || this == RECOVERY_CODE_ACCEPTED;
		}

	}

	private final TwoFactorAccounts accounts;

	private final TwoFactorSecrets secrets;

	private final LoginCounters counters;

	private final Transactions transactions;

	private final Clock clock;

	public SecondFactorCheck(TwoFactorAccounts accounts, TwoFactorSecrets secrets, LoginCounters counters,
			Transactions transactions, Clock clock) {
		this.accounts = accounts;
		this.secrets = secrets;
		this.counters = counters;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Whether the person must give a second factor after their password. */
	public boolean enabledFor(UserId user) {
		return this.transactions.global(() -> this.accounts.find(user).map(TwoFactorState::enabled).orElse(false));
	}

	public Outcome check(UserId user, String typed) {
		Instant now = this.clock.instant();
		String key = key(user);
		if (this.transactions.global(() -> this.counters.admit(key, now, MAX_FAILURES, LOCK)) != null) {
			return Outcome.LOCKED;
		}
		Outcome outcome = this.transactions.global(() -> {
			TwoFactorState state = this.accounts.find(user).filter(TwoFactorState::enabled).orElse(null);
			if (state == null) {
				return Outcome.NOT_ENABLED;
			}
			if (RecoveryCodes.looksLikeOne(typed)) {
				return this.accounts.useRecoveryCode(user, RecoveryCodes.hash(user, typed), now)
						? Outcome.RECOVERY_CODE_ACCEPTED : Outcome.WRONG;
			}
			OptionalLong step = Totp.matchingStep(this.secrets.open(user, state.secret()), typed, now,
					state.lastUsedStep());
			return (step.isPresent() && this.accounts.useStep(user, step.getAsLong())) ? Outcome.CODE_ACCEPTED
					: Outcome.WRONG;
		});
		if (outcome.accepted()) {
			this.transactions.global(() -> {
				this.counters.succeeded(key);
				return null;
			});
			return outcome;
		}
		Instant lockedUntil = this.transactions.global(() -> this.counters.failed(key, now, MAX_FAILURES, LOCK));
		return (lockedUntil != null) ? Outcome.LOCKED : outcome;
	}

	/**
	 * The counters' key for a person's second step (never their email or id in clear).
	 */
	static String key(UserId user) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("second-factor:" + user).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
