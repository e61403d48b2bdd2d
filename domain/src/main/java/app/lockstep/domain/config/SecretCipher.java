package app.lockstep.domain.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts sensitive variable values with AES-256-GCM under the active key, decrypts with
 * whichever key sealed them, and fingerprints values with a keyed hash (HMAC-SHA-256) so
 * two values can be compared as "same" or "different" without decrypting either into a
 * page.
 */
public final class SecretCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, byte[]> keys;

	private final String activeKeyId;

	public SecretCipher(Map<String, byte[]> keys, String activeKeyId) {
		if (!keys.containsKey(activeKeyId)) {
			throw new IllegalArgumentException("The active secrets key \"" + activeKeyId + "\" is not configured");
		}
		keys.forEach((id, key) -> {
			if (key.length != 32) {
				throw new IllegalArgumentException(
						"Secrets key \"" + id + "\" must be 32 bytes (AES-256), not " + key.length);
			}
		});
		this.keys = Map.copyOf(keys);
		this.activeKeyId = activeKeyId;
	}

	public SealedSecret seal(String plaintext, String associatedData) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(this.keys.get(this.activeKeyId), "AES"),
					new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = new byte[NONCE_BYTES + ciphertext.length];
			System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
			System.arraycopy(ciphertext, 0, sealed, NONCE_BYTES, ciphertext.length);
			return new SealedSecret(this.activeKeyId, sealed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a secret", ex);
		}
	}

	/**
	 * Decrypts; fails when the value was tampered with or sealed for other associated
	 * data.
	 */
	public String open(SealedSecret secret, String associatedData) {
		byte[] key = this.keys.get(secret.keyId());
		if (key == null) {
			throw new IllegalStateException("The secrets key \"" + secret.keyId()
					+ "\" that sealed this value is no longer configured; add it back to lockstep.secrets.keys");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
					new GCMParameterSpec(TAG_BITS, secret.sealed(), 0, NONCE_BYTES));
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			byte[] plaintext = cipher.doFinal(secret.sealed(), NONCE_BYTES, secret.sealed().length - NONCE_BYTES);
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A secret could not be decrypted (wrong key or tampered value)", ex);
		}
	}

	/**
	 * A keyed hash of the value: equal values give equal fingerprints; the value cannot
	 * be recovered.
	 */
	public String fingerprint(String plaintext) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.keys.get(this.activeKeyId), "HmacSHA256"));
			mac.update("lockstep-fingerprint:".getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String activeKeyId() {
		return this.activeKeyId;
	}

}
