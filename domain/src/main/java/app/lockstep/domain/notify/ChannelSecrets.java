package app.lockstep.domain.notify;

import java.util.UUID;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.config.SecretCipher;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UseCase;

/**
 * Seals a channel's secret at rest (AES-256-GCM with the secrets keys, bound to its
 * organization and channel) and opens it to send a notice.
 */
@UseCase
public final class ChannelSecrets {

	private final SecretCipher cipher;

	public ChannelSecrets(SecretCipher cipher) {
		this.cipher = cipher;
	}

	SealedSecret seal(OrgId org, UUID channel, String secret) {
		return this.cipher.seal(secret, associatedData(org, channel));
	}

	String open(OrgId org, UUID channel, SealedSecret sealed) {
		return this.cipher.open(sealed, associatedData(org, channel));
	}

	private static String associatedData(OrgId org, UUID channel) {
		return "notification-channel:" + org + ":" + channel;
	}

}
