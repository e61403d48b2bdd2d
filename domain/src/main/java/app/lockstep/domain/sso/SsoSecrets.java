package app.lockstep.domain.sso;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.config.SecretCipher;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UseCase;

/**
 * Seals an organization's OpenID Connect client secret at rest (AES-256-GCM with the
 * secrets keys, bound to the organization) and opens it for the token request.
 */
@UseCase
public final class SsoSecrets {

	private final SecretCipher cipher;

	public SsoSecrets(SecretCipher cipher) {
		this.cipher = cipher;
	}

	SealedSecret seal(OrgId org, String secret) {
		return this.cipher.seal(secret, associatedData(org));
	}

	String open(OrgId org, SealedSecret sealed) {
		return this.cipher.open(sealed, associatedData(org));
	}

	private static String associatedData(OrgId org) {
		return "sso-client:" + org;
	}

}
