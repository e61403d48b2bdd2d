package app.lockstep.web.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import app.lockstep.domain.audit.CheckpointSigner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Ed25519 key that signs audit checkpoints: {@code lockstep.audit.signing-key}
 * (environment {@code LOCKSTEP_AUDIT_SIGNING_KEY}), a PKCS#8 private key in base64 (DER,
 * or PEM with its header lines). Outside demo mode the application refuses to start
 * without one; demo mode signs with a built-in, public key.
 */
@ConfigurationProperties("lockstep.audit")
public class AuditSigningKey {

	private static final Logger log = LoggerFactory.getLogger(AuditSigningKey.class);

	static final String HOW_TO = "openssl genpkey -algorithm ed25519 -outform DER | base64 -w0";

	private @Nullable String signingKey;

	private String checkpointCron = "0 0 3 * * *";

	CheckpointSigner signer(boolean demo) {
		if (this.signingKey == null || this.signingKey.isBlank()) {
			if (!demo) {
				throw new IllegalStateException("Lockstep refuses to start without an audit signing key: set "
						+ "LOCKSTEP_AUDIT_SIGNING_KEY (lockstep.audit.signing-key) to a base64 PKCS#8 Ed25519 private "
						+ "key (for example: " + HOW_TO + "). "
						+ "Only demo mode (lockstep.demo=true) signs with a built-in, public key.");
			}
			CheckpointSigner signer = CheckpointSigner.fromSeed(demoSeed());
			log.warn("Demo mode: audit checkpoints are signed with the built-in demo key {}, which is public. "
					+ "Set LOCKSTEP_AUDIT_SIGNING_KEY for real data.", signer.keyId());
			return signer;
		}
		byte[] der;
		try {
			der = Base64.getMimeDecoder()
				.decode(this.signingKey.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("lockstep.audit.signing-key is not valid base64 (" + HOW_TO + ")", ex);
		}
		try {
			return CheckpointSigner.fromPkcs8(der);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("lockstep.audit.signing-key is not a PKCS#8 Ed25519 private key: "
					+ ex.getMessage() + " (" + HOW_TO + ")", ex);
		}
	}

	private static byte[] demoSeed() {
		try {
			return MessageDigest.getInstance("SHA-256")
				.digest("lockstep public demo audit signing key: never use for real data"
					.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public @Nullable String getSigningKey() {
		return this.signingKey;
	}

	public void setSigningKey(@Nullable String signingKey) {
		this.signingKey = signingKey;
	}

	public String getCheckpointCron() {
		return this.checkpointCron;
	}

	public void setCheckpointCron(String checkpointCron) {
		this.checkpointCron = checkpointCron;
	}

	@Override
	public String toString() {
		return "AuditSigningKey[" + ((this.signingKey != null) ? "set" : "unset") + "]";
	}

}
