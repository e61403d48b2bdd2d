package app.lockstep.web.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How Lockstep signs what it posts (deliveries to deployers, notices to webhooks):
 * {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes under the shared
 * secret.
 */
public final class HmacSignature {

	private HmacSignature() {
	}

	public static String sha256(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
