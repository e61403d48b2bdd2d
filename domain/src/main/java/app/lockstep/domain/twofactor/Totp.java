package app.lockstep.domain.twofactor;

import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 defines them, with the parameters every
 * authenticator app uses: HMAC-SHA1, 30-second steps counted from the Unix epoch, 6
 * digits. A code is accepted for the current step and one step either side (clock drift
 * of up to 30 s), and only for a step later than the last one used, so each code works at
 * most once.
 */
public final class Totp {

	public static final int STEP_SECONDS = 30;

	public static final int DIGITS = 6;

	/** Steps accepted either side of the current one. */
	public static final int DRIFT_STEPS = 1;

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private Totp() {
	}

	/** The time step an instant falls in (RFC 6238's T, with T0 = 0 and X = 30 s). */
	public static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/** The code for a step, HOTP (RFC 4226) with the step as its counter. */
	public static String code(byte[] key, long step, int digits) {
		if (digits < 1 || digits > 8) {
			throw new IllegalArgumentException("1 to 8 digits, not " + digits);
		}
		byte[] counter = new byte[8];
		for (int i = 7; i >= 0; i--) {
			counter[i] = (byte) (step >>> (8 * (7 - i)));
		}
		byte[] hash;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			hash = mac.doFinal(counter);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA1 is not available", ex);
		}
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		String code = Integer.toString(binary % POWERS[digits]);
		return "0".repeat(digits - code.length()) + code;
	}

	public static String code(byte[] key, Instant at) {
		return code(key, step(at), DIGITS);
	}

	/**
	 * The step whose code this is, within the drift around {@code now} and later than
	 * {@code lastUsedStep}; empty when the code matches none of them. The code is
	 * compared in constant time for each step.
	 */
	public static OptionalLong matchingStep(byte[] key, String code, Instant now, long lastUsedStep) {
		String typed = code.replace(" ", "");
		if (typed.length() != DIGITS || !typed.chars().allMatch(Character::isDigit)) {
			return OptionalLong.empty();
		}
		long current = step(now);
		long found = -1;
		for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
			boolean same = java.security.MessageDigest.isEqual(code(key, step, DIGITS).getBytes(), typed.getBytes());
			if (same && step > lastUsedStep && found < 0) {
				found = step;
			}
		}
		return (found < 0) ? OptionalLong.empty() : OptionalLong.of(found);
	}

}
