package app.lockstep.domain.twofactor;

import java.util.List;

import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.tenancy.PasswordHasher;
import app.lockstep.domain.tenancy.User;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.domain.twofactor.SecondFactorCheck.Outcome;
import app.lockstep.domain.twofactor.TwoFactorAccounts.TwoFactorState;

/**
 * A person's two-factor settings once switched on: whether it is on and how many recovery
 * codes are left, new recovery codes (with a current code), and switching it off (with a
 * current code or the password). Codes typed here count towards the same lockout as at
 * login.
 */
@UseCase
public final class TwoFactorSettings {

	private final TwoFactorAccounts accounts;

	private final SecondFactorCheck check;

	private final Users users;

	private final PasswordHasher passwords;

	private final Transactions transactions;

	public TwoFactorSettings(TwoFactorAccounts accounts, SecondFactorCheck check, Users users, PasswordHasher passwords,
			Transactions transactions) {
		this.accounts = accounts;
		this.check = check;
		this.users = users;
		this.passwords = passwords;
		this.transactions = transactions;
	}

	/** What the security page shows. */
	public record Status(boolean enabled, int recoveryCodesLeft) {
	}

	public Status status(UserId user) {
		return this.transactions.global(() -> this.accounts.find(user))
			.filter(TwoFactorState::enabled)
			.map((state) -> new Status(true, state.recoveryCodesLeft()))
			.orElse(new Status(false, 0));
	}

	/**
	 * Ten new recovery codes replace all the old ones.
	 * @return the new codes, in clear this once
	 */
	public List<String> regenerateRecoveryCodes(UserId user, String code) {
		requireCode(user, code);
		List<String> codes = RecoveryCodes.generate();
		List<String> hashes = codes.stream().map((c) -> RecoveryCodes.hash(user, c)).toList();
		this.transactions.global(() -> {
			this.accounts.replaceRecoveryCodes(user, hashes);
			return null;
		});
		return codes;
	}

	/**
	 * Switches two-factor off when {@code proof} is the person's password or a current
	 * code (or recovery code).
	 */
	public void disable(UserId user, String proof) {
		User person = this.transactions.global(() -> this.users.findById(user))
			.orElseThrow(() -> new ForbiddenException("No such account"));
		String hash = person.passwordHash();
		// A person who signs in only through single sign-on has no password: a code it
		// is.
		boolean password = hash != null && !proof.isEmpty() && this.passwords.matches(proof, hash);
		if (!password) {
			requireCode(user, proof);
		}
		this.transactions.global(() -> {
			this.accounts.delete(user);
			return null;
		});
	}

	private void requireCode(UserId user, String code) {
		Outcome outcome = this.check.check(user, code);
		switch (outcome) {
			case CODE_ACCEPTED, RECOVERY_CODE_ACCEPTED -> {
			}
			case LOCKED ->
				throw new ValidationException("code", "Too many wrong codes: checking codes is locked for 15 minutes.");
			case NOT_ENABLED -> throw new ValidationException("code", "Two-factor authentication is not on.");
			case WRONG -> throw new ValidationException("code", "That is not a current code.");
		}
	}

}
