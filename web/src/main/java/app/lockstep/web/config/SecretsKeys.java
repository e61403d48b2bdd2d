package app.lockstep.web.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.config.SecretCipher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that encrypt sensitive variables: {@code lockstep.secrets.key} (base64 of 32
 * bytes; environment {@code LOCKSTEP_SECRETS_KEY}) or several under
 * {@code lockstep.secrets.keys.<id>} with {@code lockstep.secrets.active-key}, so a new
 * key can be introduced while values sealed by older ones still open.
 */
@ConfigurationProperties("lockstep.secrets")
public class SecretsKeys {

	private static final Logger log = LoggerFactory.getLogger(SecretsKeys.class);

	static final String DEMO_KEY_ID = "demo";

	private @Nullable String key;

	private String keyId = "default";

	private Map<String, String> keys = new LinkedHashMap<>();

	private @Nullable String activeKey;

	SecretCipher cipher(boolean demo) {
		Map<String, byte[]> decoded = new LinkedHashMap<>();
		this.keys.forEach((id, value) -> decoded.put(id, decode(id, value)));
		if (this.key != null && !this.key.isBlank()) {
			decoded.put(this.keyId, decode(this.keyId, this.key));
		}
		String active = (this.activeKey != null) ? this.activeKey : (this.key != null && !this.key.isBlank())
				? this.keyId : (decoded.size() == 1) ? decoded.keySet().iterator().next() : null;
		if (decoded.isEmpty()) {
			if (!demo) {
				throw new IllegalStateException(
						"Lockstep refuses to start without a secrets key: set LOCKSTEP_SECRETS_KEY "
								+ "to the base64 of 32 random bytes (for example: openssl rand -base64 32). "
								+ "Only demo mode (lockstep.demo=true) runs with a built-in, public key.");
			}
			log.warn("Demo mode: sensitive variables are encrypted with the built-in demo key, which is public. "
					+ "Set LOCKSTEP_SECRETS_KEY for real data.");
			decoded.put(DEMO_KEY_ID, demoKey());
			active = DEMO_KEY_ID;
		}
		if (active == null) {
			throw new IllegalStateException(
					"Several secrets keys are configured; name the one to encrypt with in lockstep.secrets.active-key");
		}
		return new SecretCipher(decoded, active);
	}

	private static byte[] decode(String id, String value) {
		try {
			byte[] key = Base64.getDecoder().decode(value.strip());
			if (key.length != 32) {
				throw new IllegalStateException("Secrets key \"" + id + "\" must be the base64 of 32 bytes, not "
						+ key.length + " bytes (openssl rand -base64 32)");
			}
			return key;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Secrets key \"" + id + "\" is not valid base64", ex);
		}
	}

	private static byte[] demoKey() {
		try {
			return MessageDigest.getInstance("SHA-256")
				.digest("lockstep public demo key: never use for real data".getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public @Nullable String getKey() {
		return this.key;
	}

	public void setKey(@Nullable String key) {
		this.key = key;
	}

	public String getKeyId() {
		return this.keyId;
	}

	public void setKeyId(String keyId) {
		this.keyId = keyId;
	}

	public Map<String, String> getKeys() {
		return this.keys;
	}

	public void setKeys(Map<String, String> keys) {
		this.keys = keys;
	}

	public @Nullable String getActiveKey() {
		return this.activeKey;
	}

	public void setActiveKey(@Nullable String activeKey) {
		this.activeKey = activeKey;
	}

	@Override
	public String toString() {
		return "SecretsKeys[ids=" + this.keys.keySet() + (this.key != null ? "+" + this.keyId : "") + "]";
	}

}
