package app.lockstep.domain.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import app.lockstep.domain.shared.UserId;

/**
 * Ten single-use recovery codes, each 80 random bits written as four groups of four
 * base32 characters ({@code K7QD-M2XA-PF4N-9Z3B}, without the letters and digits people
 * confuse). Only a SHA-256 of each, salted with the person's id, is stored: 80 bits are
 * far beyond guessing, so a slow hash adds nothing but time at every login.
 */
public final class RecoveryCodes {

	public static final int COUNT = 10;

	/** Base32 without 0/O and 1/I/L, which look alike. */
	private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecoveryCodes() {
	}

	public static List<String> generate() {
		List<String> codes = new ArrayList<>(COUNT);
		for (int i = 0; i < COUNT; i++) {
			StringBuilder code = new StringBuilder(19);
			for (int c = 0; c < 16; c++) {
				if (c > 0 && c % 4 == 0) {
					code.append('-');
				}
				code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
			}
			codes.add(code.toString());
		}
		return List.copyOf(codes);
	}

	/** Whether the typed text has the shape of a recovery code (not a 6-digit code). */
	public static boolean looksLikeOne(String typed) {
		return normalize(typed).length() == 16;
	}

	/** The stored form: hex SHA-256 of the person's id and the normalized code. */
	public static String hash(UserId user, String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("recovery:" + user + ":" + normalize(code)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/** Upper case, without dashes and spaces, as people may type it. */
	static String normalize(String code) {
		return code.replace("-", "").replace(" ", "").strip().toUpperCase(Locale.ROOT);
	}

}
