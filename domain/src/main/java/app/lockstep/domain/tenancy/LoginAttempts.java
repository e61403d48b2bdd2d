package app.lockstep.domain.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Slows down password guessing: after 5 unsuccessful logins in a row with one email
 * address, logging in with it is locked for 15 minutes.
 * <p>
 * Every attempt is counted in the database before its password is checked
 * ({@link #admit}), in one atomic statement: of concurrent guesses, only as many as are
 * left before the lock are checked at all, and the others are refused as locked. Counting
 * is per address whether or not an account has it, so a locked address says nothing about
 * whether it belongs to someone.
 */
@UseCase
public final class LoginAttempts {

	public static final int MAX_FAILURES = 5;

	public static final Duration LOCK = Duration.ofMinutes(15);

	/** How long an address's count is kept after its last attempt. */
	static final Duration KEPT = Duration.ofDays(1);

	private final LoginCounters counters;

	private final Transactions transactions;

	private final Clock clock;

	public LoginAttempts(LoginCounters counters, Transactions transactions, Clock clock) {
		this.counters = counters;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Counts an attempt to log in with this email before its password is checked.
	 * @return until when the address is locked (refuse without checking), or null
	 */
	public @Nullable Instant admit(String email) {
		return this.transactions
			.global(() -> this.counters.admit(key(email), this.clock.instant(), MAX_FAILURES, LOCK));
	}

	/**
	 * The admitted attempt's password was wrong.
	 * @return until when the address is now locked, or null
	 */
	public @Nullable Instant failed(String email) {
		return this.transactions
			.global(() -> this.counters.failed(key(email), this.clock.instant(), MAX_FAILURES, LOCK));
	}

	public void succeeded(String email) {
		this.transactions.global(() -> {
			this.counters.succeeded(key(email));
			return null;
		});
	}

	/** Forgets the counts of addresses nobody tried for a day (unless locked). */
	public int forgetOld() {
		Instant now = this.clock.instant();
		return this.transactions.global(() -> this.counters.forget(now.minus(KEPT), now));
	}

	/** The hex SHA-256 of the normalized address: what the counters are kept under. */
	static String key(String email) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(SignUp.normalizeEmail(email).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
