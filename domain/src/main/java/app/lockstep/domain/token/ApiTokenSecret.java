package app.lockstep.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret of an API token: {@code lst_} and 43 base64url characters (32 random bytes).
 * Shown to its creator once; only its SHA-256 hash is stored, and its first characters
 * (the prefix) to tell tokens apart in lists.
 */
public record ApiTokenSecret(String value) {

	public static final String MARKER = "lst_";

	/** How many leading characters lists show: the marker and 8 random characters. */
	public static final int PREFIX_LENGTH = MARKER.length() + 8;

	private static final Pattern FORMAT = Pattern.compile("^lst_[A-Za-z0-9_-]{43}$");

	private static final SecureRandom RANDOM = new SecureRandom();

	public static ApiTokenSecret generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new ApiTokenSecret(MARKER + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** The secret presented by a client, when it has the shape of one. */
	public static Optional<ApiTokenSecret> parse(String presented) {
		return FORMAT.matcher(presented).matches() ? Optional.of(new ApiTokenSecret(presented)) : Optional.empty();
	}

	public String hash() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(this.value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String prefix() {
		return this.value.substring(0, PREFIX_LENGTH);
	}

	@Override
	public String toString() {
		return "ApiTokenSecret[redacted]";
	}

}
