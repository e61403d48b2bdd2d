package app.lockstep.domain.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import app.lockstep.domain.shared.Transactions;

/**
 * Slows down password guessing: after 5 failed logins in a row the account is locked for
 * 15 minutes.
 */
public final class LoginAttempts {

	public static final int MAX_FAILURES = 5;

	public static final Duration LOCK = Duration.ofMinutes(15);

	private final Users users;

	private final Transactions transactions;

	private final Clock clock;

	public LoginAttempts(Users users, Transactions transactions, Clock clock) {
		this.users = users;
		this.transactions = transactions;
		this.clock = clock;
	}

	public void failed(String email) {
		this.transactions.global(() -> {
			this.users.findByEmail(SignUp.normalizeEmail(email)).ifPresent((user) -> {
				Instant now = this.clock.instant();
				int failures = user.lockedAt(now) ? user.failedLogins() : user.failedLogins() + 1;
				Instant lockedUntil = (failures >= MAX_FAILURES) ? now.plus(LOCK) : null;
				this.users.recordLoginFailure(user.id(), (failures >= MAX_FAILURES) ? 0 : failures,
						(lockedUntil != null) ? lockedUntil : user.lockedUntil());
			});
			return null;
		});
	}

	public void succeeded(String email) {
		this.transactions.global(() -> {
			this.users.findByEmail(SignUp.normalizeEmail(email))
				.ifPresent((user) -> this.users.recordLoginSuccess(user.id()));
			return null;
		});
	}

	public boolean isLocked(User user) {
		return user.lockedAt(this.clock.instant());
	}

}
