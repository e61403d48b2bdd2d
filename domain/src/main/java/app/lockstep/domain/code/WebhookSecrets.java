package app.lockstep.domain.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.config.SecretCipher;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Hook ids and secrets: generating them, sealing a secret at rest (AES-256-GCM with the
 * secrets keys, bound to its organization and project) and checking a delivery's
 * signature (GitHub) or token (GitLab) in constant time.
 */
@UseCase
public final class WebhookSecrets {

	/** A hook id: 24 random bytes, base64url (32 characters). */
	public static final Pattern HOOK_ID = Pattern.compile("^[A-Za-z0-9_-]{32}$");

	/** A secret a client may set: 16 to 200 visible ASCII characters. */
	public static final Pattern SECRET = Pattern.compile("^[\\x21-\\x7E]{16,200}$");

	private static final String GITHUB_PREFIX = "sha256=";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretCipher cipher;

	public WebhookSecrets(SecretCipher cipher) {
		this.cipher = cipher;
	}

	static String newHookId() {
		return random(24);
	}

	/** 32 random bytes, base64url (43 characters). */
	static String newSecret() {
		return random(32);
	}

	SealedSecret seal(OrgId org, ProjectId project, String secret) {
		return this.cipher.seal(secret, associatedData(org, project));
	}

	String open(OrgId org, ProjectId project, SealedSecret sealed) {
		return this.cipher.open(sealed, associatedData(org, project));
	}

	/**
	 * Whether {@code X-Hub-Signature-256} is {@code sha256=} and the hex HMAC-SHA256 of
	 * the raw body with the secret.
	 */
	public static boolean githubSignatureMatches(String secret, byte[] body, @Nullable String header) {
		if (header == null || !header.startsWith(GITHUB_PREFIX)) {
			return false;
		}
		byte[] presented;
		try {
			presented = HexFormat.of().parseHex(header.substring(GITHUB_PREFIX.length()).strip());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(hmacSha256(secret, body), presented);
	}

	/** {@code sha256=} and the hex HMAC-SHA256 of the body: what GitHub sends. */
	public static String githubSignature(String secret, byte[] body) {
		return GITHUB_PREFIX + HexFormat.of().formatHex(hmacSha256(secret, body));
	}

	/**
	 * Whether {@code X-Gitlab-Token} is the secret (compared as digests, so neither the
	 * content nor the length leaks through timing).
	 */
	public static boolean gitlabTokenMatches(String secret, @Nullable String token) {
		if (token == null) {
			return false;
		}
		return MessageDigest.isEqual(sha256(secret), sha256(token));
	}

	private static byte[] hmacSha256(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private static String associatedData(OrgId org, ProjectId project) {
		return "lockstep:webhook:" + org + ":" + project;
	}

}
