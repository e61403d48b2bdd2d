package app.lockstep.web.audit;

import java.security.KeyPairGenerator;
import java.util.Base64;

import app.lockstep.domain.audit.CheckpointSigner;
import app.lockstep.persistence.testing.TestDatabase;
import app.lockstep.web.LockstepApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checkpoint signing key comes from configuration; outside demo mode there must be
 * one.
 */
class AuditSigningKeyTest {

	static final String KEY = "MC4CAQAwBQYDK2VwBCIEIIdpPVk9ug5o75Awi7b8wTabRMswfj9weNw/X0mAuczK";

	@Test
	void aPkcs8KeyFromOpensslSignsAndItsDerivedPublicKeyVerifies() {
		CheckpointSigner signer = key(KEY).signer(false);
		String signature = signer.sign("lockstep-audit-checkpoint:v1:x:1:abc:2026-01-01T00:00:00.000Z");
		assertThat(CheckpointSigner.verify(signer.publicKeyBase64(),
				"lockstep-audit-checkpoint:v1:x:1:abc:2026-01-01T00:00:00.000Z", signature))
			.isTrue();
		assertThat(CheckpointSigner.verify(signer.publicKeyBase64(),
				"lockstep-audit-checkpoint:v1:x:2:abc:2026-01-01T00:00:00.000Z", signature))
			.isFalse();
		assertThat(signer.keyId()).hasSize(16);
		// openssl pkey -in key.der -inform DER -pubout -outform DER | base64
		assertThat(signer.publicKeyBase64()).isEqualTo("MCowBQYDK2VwAyEAkpKirF4VehVvxW8zlIWiiVqjwCW+mfswUwQuDhMekTk=");
	}

	@Test
	void pemIsAcceptedToo() {
		String pem = "-----BEGIN PRIVATE KEY-----\n" + KEY + "\n-----END PRIVATE KEY-----\n";
		assertThat(key(pem).signer(false).keyId()).isEqualTo(key(KEY).signer(false).keyId());
	}

	@Test
	void demoModeSignsWithAFixedPublicKeyAndOtherwiseAKeyIsRequired() {
		assertThat(key(null).signer(true).keyId()).isEqualTo(key("").signer(true).keyId());
		assertThatThrownBy(() -> key(null).signer(false)).hasMessageContaining("refuses to start")
			.hasMessageContaining("LOCKSTEP_AUDIT_SIGNING_KEY")
			.hasMessageContaining("openssl genpkey -algorithm ed25519");
	}

	@Test
	void garbageAndOtherKindsOfKeysAreRefusedWithAReason() throws Exception {
		assertThatThrownBy(() -> key("not base64 !!").signer(false)).hasMessageContaining("not valid base64");
		String rsa = Base64.getEncoder()
			.encodeToString(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded());
		assertThatThrownBy(() -> key(rsa).signer(false)).hasMessageContaining("not a PKCS#8 Ed25519 private key");
	}

	@Test
	void theApplicationRefusesToStartWithoutAKeyOutsideDemoMode() {
		SpringApplicationBuilder application = new SpringApplicationBuilder(LockstepApplication.class);
		String[] arguments = TestDatabase.get()
			.springProperties()
			.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 4);
		all[arguments.length] = "--server.port=0";
		all[arguments.length + 1] = "--lockstep.demo=false";
		all[arguments.length + 2] = "--spring.main.banner-mode=off";
		all[arguments.length + 3] = "--lockstep.secrets.key=" + Base64.getEncoder().encodeToString(new byte[32]);
		assertThatThrownBy(() -> application.run(all)).rootCause()
			.hasMessageContaining("refuses to start without an audit signing key")
			.hasMessageContaining("LOCKSTEP_AUDIT_SIGNING_KEY");
	}

	private static AuditSigningKey key(String value) {
		AuditSigningKey key = new AuditSigningKey();
		key.setSigningKey(value);
		return key;
	}

}
