package app.lockstep.domain.twofactor;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.config.SecretCipher;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.shared.UseCase;

/**
 * Seals a person's TOTP secret at rest (AES-256-GCM with the secrets keys) bound to the
 * person's id: a sealed secret copied onto another account does not open.
 */
@UseCase
public final class TwoFactorSecrets {

	private final SecretCipher cipher;

	public TwoFactorSecrets(SecretCipher cipher) {
		this.cipher = cipher;
	}

	SealedSecret seal(UserId user, String base32Secret) {
		return this.cipher.seal(base32Secret, associatedData(user));
	}

	byte[] open(UserId user, SealedSecret sealed) {
		return Base32.decode(this.cipher.open(sealed, associatedData(user)));
	}

	private static String associatedData(UserId user) {
		return "two-factor:" + user;
	}

}
