package app.lockstep.domain.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The secret part of an invitation link. Only its SHA-256 hash is stored. */
public record InvitationToken(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	public static InvitationToken generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new InvitationToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	public String hash() {
		return sha256(this.value);
	}

	public static String sha256(String value) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "InvitationToken[redacted]";
	}

}
