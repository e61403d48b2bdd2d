package app.lockstep.domain.testing;

import java.util.Arrays;
import java.util.Map;

import app.lockstep.domain.config.SecretCipher;
import app.lockstep.domain.config.SecretSealing;

/**
 * The real {@link SecretCipher} (AES-GCM in memory takes microseconds, so there is
 * nothing to fake) under a fixed test key.
 */
public final class TestSecrets {

	public static final String KEY_ID = "test-key";

	private TestSecrets() {
	}

	public static SecretCipher cipher() {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) 7);
		return new SecretCipher(Map.of(KEY_ID, key), KEY_ID);
	}

	public static SecretSealing sealing() {
		return new SecretSealing(cipher());
	}

}
