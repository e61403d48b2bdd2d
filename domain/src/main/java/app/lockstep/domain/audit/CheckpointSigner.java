package app.lockstep.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs checkpoints with an Ed25519 key (the JDK's own implementation). The public key is
 * derived from the private one, so configuration holds a single PKCS#8 key.
 */
public final class CheckpointSigner {

	private final PrivateKey privateKey;

	private final PublicKey publicKey;

	private final String publicKeyBase64;

	private final String keyId;

	private CheckpointSigner(KeyPair pair) {
		this.privateKey = pair.getPrivate();
		this.publicKey = pair.getPublic();
		this.publicKeyBase64 = Base64.getEncoder().encodeToString(this.publicKey.getEncoded());
		this.keyId = keyIdOf(this.publicKey.getEncoded());
	}

	/**
	 * A signer for a PKCS#8 Ed25519 private key (as
	 * {@code openssl genpkey -algorithm ed25519 -outform DER} writes it).
	 * @throws IllegalArgumentException when it is not one
	 */
	public static CheckpointSigner fromPkcs8(byte[] der) {
		try {
			PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
			if (!(key instanceof EdECPrivateKey edKey) || edKey.getBytes().isEmpty()) {
				throw new IllegalArgumentException("not an Ed25519 private key");
			}
			return fromSeed(edKey.getBytes().get());
		}
		catch (InvalidKeySpecException ex) {
			throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key (" + ex.getMessage() + ")", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This JDK lacks Ed25519", ex);
		}
	}

	/** A signer for the 32-byte Ed25519 private key (seed). */
	public static CheckpointSigner fromSeed(byte[] seed) {
		if (seed.length != 32) {
			throw new IllegalArgumentException("An Ed25519 private key has 32 bytes, not " + seed.length);
		}
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
			generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
			KeyPair pair = generator.generateKeyPair();
			byte[] derived = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
			if (!Arrays.equals(derived, seed)) {
				throw new IllegalStateException("Could not derive the Ed25519 public key from the private key");
			}
			return new CheckpointSigner(pair);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This JDK lacks Ed25519", ex);
		}
	}

	/** The first 16 hex characters of SHA-256 of the X.509 encoding of a public key. */
	public static String keyIdOf(byte[] x509PublicKey) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(x509PublicKey))
				.substring(0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String keyId() {
		return this.keyId;
	}

	/** The X.509 (SubjectPublicKeyInfo) encoding of the public key, in base64. */
	public String publicKeyBase64() {
		return this.publicKeyBase64;
	}

	/** The public key as PEM, for {@code openssl pkeyutl -verify -pubin}. */
	public String publicKeyPem() {
		return "-----BEGIN PUBLIC KEY-----\n" + this.publicKeyBase64 + "\n-----END PUBLIC KEY-----\n";
	}

	/** The base64 Ed25519 signature of the message's UTF-8 bytes. */
	public String sign(String message) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(this.privateKey);
			signature.update(message.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not sign with Ed25519", ex);
		}
	}

	/** Whether this signer's public key verifies the signature of the message. */
	public boolean verifies(String message, String signatureBase64) {
		return verify(this.publicKeyBase64, message, signatureBase64);
	}

	/**
	 * Whether the base64 X.509 public key verifies the base64 signature of the message.
	 */
	public static boolean verify(String publicKeyBase64, String message, String signatureBase64) {
		try {
			PublicKey key = KeyFactory.getInstance("Ed25519")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
			Signature signature = Signature.getInstance("Ed25519");
			signature.initVerify(key);
			signature.update(message.getBytes(StandardCharsets.UTF_8));
			return signature.verify(Base64.getDecoder().decode(signatureBase64));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return "CheckpointSigner[keyId=" + this.keyId + "]";
	}

	/** Hands the key pair generator the given private key instead of random bytes. */
	private static final class FixedBytes extends SecureRandom {

		private static final long serialVersionUID = 1L;

		private final byte[] bytes;

		FixedBytes(byte[] bytes) {
			this.bytes = bytes.clone();
		}

		@Override
		public void nextBytes(byte[] target) {
			if (target.length != this.bytes.length) {
				throw new IllegalStateException("Expected a request for " + this.bytes.length + " bytes");
			}
			System.arraycopy(this.bytes, 0, target, 0, target.length);
		}

	}

}
