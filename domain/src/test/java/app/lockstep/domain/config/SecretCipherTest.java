package app.lockstep.domain.config;

import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {

	private static final byte[] OLD = new byte[32];

	private static final byte[] NEW = "0123456789abcdef0123456789abcdef".getBytes();

	private final SecretCipher cipher = new SecretCipher(Map.of("k1", OLD, "k2", NEW), "k2");

	@Property
	void whatIsSealedOpensToTheSameValue(@ForAll String value) {
		SealedSecret sealed = this.cipher.seal(value, "env-1/DB_PASSWORD");
		assertThat(sealed.keyId()).isEqualTo("k2");
		assertThat(this.cipher.open(sealed, "env-1/DB_PASSWORD")).isEqualTo(value);
	}

	@Test
	void theSameValueSealsDifferentlyEachTimeButFingerprintsTheSame() {
		SealedSecret a = this.cipher.seal("hunter2-hunter2", "x");
		SealedSecret b = this.cipher.seal("hunter2-hunter2", "x");
		assertThat(a).isNotEqualTo(b);
		assertThat(new String(a.sealed())).doesNotContain("hunter2");
		assertThat(this.cipher.fingerprint("hunter2-hunter2")).isEqualTo(this.cipher.fingerprint("hunter2-hunter2"))
			.isNotEqualTo(this.cipher.fingerprint("hunter3-hunter3"));
	}

	@Test
	void valuesSealedUnderARotatedKeyStillOpen() {
		SecretCipher before = new SecretCipher(Map.of("k1", OLD), "k1");
		SealedSecret sealed = before.seal("old secret", "x");
		assertThat(this.cipher.open(sealed, "x")).isEqualTo("old secret");
	}

	@Test
	void aTamperedValueOrOtherAssociatedDataIsRefused() {
		SealedSecret sealed = this.cipher.seal("value", "env-1/A");
		assertThatThrownBy(() -> this.cipher.open(sealed, "env-1/B")).hasMessageContaining("could not be decrypted");
		byte[] bytes = sealed.sealed().clone();
		bytes[bytes.length - 1] ^= 1;
		assertThatThrownBy(() -> this.cipher.open(new SealedSecret("k2", bytes), "env-1/A"))
			.hasMessageContaining("could not be decrypted");
	}

	@Test
	void keysMustBe256Bits() {
		assertThatThrownBy(() -> new SecretCipher(Map.of("short", new byte[16]), "short"))
			.hasMessageContaining("32 bytes");
	}

}
