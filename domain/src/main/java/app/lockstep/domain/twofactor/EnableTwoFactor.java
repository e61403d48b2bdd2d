package app.lockstep.domain.twofactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.twofactor.TwoFactorAccounts.TwoFactorState;

/**
 * Switches on two-factor authentication in two steps: {@link #start} makes a new secret
 * (sealed at rest) for the person's authenticator app; {@link #confirm} switches it on
 * once a code from the app proves the app has it, and hands out the recovery codes, the
 * only time they are shown.
 */
@UseCase
public final class EnableTwoFactor {

	public static final String ISSUER = "Lockstep";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TwoFactorAccounts accounts;

	private final TwoFactorSecrets secrets;

	private final Transactions transactions;

	private final Clock clock;

	public EnableTwoFactor(TwoFactorAccounts accounts, TwoFactorSecrets secrets, Transactions transactions,
			Clock clock) {
		this.accounts = accounts;
		this.secrets = secrets;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A secret for the app to add, shown as a QR code of the URI and as text. */
	public record Enrolment(String secret, String uri) {

		@Override
		public String toString() {
			return "Enrolment[secret=hidden]";
		}

	}

	/**
	 * A new secret (160 random bits, as RFC 4226 recommends) waiting for its first code;
	 * replaces one still waiting.
	 */
	public Enrolment start(UserId user, String email) {
		byte[] key = new byte[20];
		RANDOM.nextBytes(key);
		String secret = Base32.encode(key);
		boolean started = this.transactions
			.global(() -> this.accounts.startEnrolment(user, this.secrets.seal(user, secret), this.clock.instant()));
		if (!started) {
			throw new ConflictException("code", "Two-factor authentication is already on.");
		}
		return new Enrolment(secret, uri(email, secret));
	}

	/** The secret still waiting for its first code, to show again after a wrong code. */
	public Enrolment waiting(UserId user, String email) {
		return this.transactions.global(() -> this.accounts.find(user))
			.filter((state) -> !state.enabled())
			.map((state) -> {
				String secret = Base32.encode(this.secrets.open(user, state.secret()));
				return new Enrolment(secret, uri(email, secret));
			})
			.orElseGet(() -> start(user, email));
	}

	/**
	 * Switches two-factor on when the code matches the waiting secret.
	 * @return the recovery codes, in clear this once
	 * @throws ValidationException on "code" when it does not match
	 */
	public List<String> confirm(UserId user, String code) {
		Instant now = this.clock.instant();
		List<String> codes = RecoveryCodes.generate();
		List<String> hashes = codes.stream().map((c) -> RecoveryCodes.hash(user, c)).toList();
		this.transactions.global(() -> {
			TwoFactorState state = this.accounts.find(user)
				.orElseThrow(() -> new ValidationException("code", "Start again: there is no secret waiting."));
			if (state.enabled()) {
				throw new ConflictException("code", "Two-factor authentication is already on.");
			}
			OptionalLong step = Totp.matchingStep(this.secrets.open(user, state.secret()), code, now, -1);
			if (step.isEmpty()) {
				throw new ValidationException("code",
						"That code does not match. Type the 6 digits your app shows now (check that your device's clock is right).");
			}
			this.accounts.enable(user, step.getAsLong(), hashes, now);
			return null;
		});
		return codes;
	}

	/** The {@code otpauth://} URI authenticator apps read from a QR code. */
	static String uri(String email, String secret) {
		String label = encode(ISSUER + ":" + email);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(ISSUER) + "&algorithm=SHA1&digits="
				+ Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
