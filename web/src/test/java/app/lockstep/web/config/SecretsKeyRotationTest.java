package app.lockstep.web.config;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.config.SecretCipher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The secrets key rotation of ops/runbooks/key-rotation.md, instance by instance: at
 * every step of the two rolling restarts, old and new instances run side by side, and
 * each opens every value the other sealed; the one-step shortcut (replace the key) would
 * lose every value sealed before.
 */
class SecretsKeyRotationTest {

	private static final String AAD = "org:variable";

	private final String oldKey = key();

	private final String newKey = key();

	@Test
	void everyInstanceOpensEveryValueAtEveryStepOfTheRotation() {
		SecretCipher before = cipher(Map.of("2026a", this.oldKey), "2026a");
		SecretCipher bothOldActive = cipher(Map.of("2026a", this.oldKey, "2026b", this.newKey), "2026a");
		SecretCipher bothNewActive = cipher(Map.of("2026a", this.oldKey, "2026b", this.newKey), "2026b");

		SealedSecret sealedBefore = before.seal("s3cret-before", AAD);
		// Step 1 rolls out (both keys, the old one active) beside instances from before.
		assertThat(bothOldActive.open(sealedBefore, AAD)).isEqualTo("s3cret-before");
		assertThat(before.open(bothOldActive.seal("during-step-1", AAD), AAD)).isEqualTo("during-step-1");
		// Step 2 rolls out (the new key active) beside instances of step 1.
		SealedSecret sealedByNew = bothNewActive.seal("during-step-2", AAD);
		assertThat(sealedByNew.keyId()).isEqualTo("2026b");
		assertThat(bothOldActive.open(sealedByNew, AAD)).isEqualTo("during-step-2");
		assertThat(bothNewActive.open(bothOldActive.seal("from-step-1", AAD), AAD)).isEqualTo("from-step-1");
		assertThat(bothNewActive.open(sealedBefore, AAD)).as("revisions saved before stay readable")
			.isEqualTo("s3cret-before");
	}

	@Test
	void replacingTheKeyInOneStepWouldLoseTheValuesSealedBefore() {
		SealedSecret sealedBefore = cipher(Map.of("2026a", this.oldKey), "2026a").seal("s3cret-before", AAD);
		SecretCipher replaced = cipher(Map.of("2026b", this.newKey), "2026b");
		assertThatException().isThrownBy(() -> replaced.open(sealedBefore, AAD));
	}

	private static SecretCipher cipher(Map<String, String> keys, String active) {
		SecretsKeys settings = new SecretsKeys();
		settings.setKeys(new LinkedHashMap<>(keys));
		settings.setActiveKey(active);
		return settings.cipher(false);
	}

	private static String key() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
