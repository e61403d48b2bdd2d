package app.lockstep.domain.deploy;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.config.SecretCipher;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UseCase;

/**
 * Seals a deploy target's signing secret at rest (AES-256-GCM with the secrets keys,
 * bound to its organization and environment) and opens it to sign a delivery.
 */
@UseCase
public final class DeployTargetSecrets {

	private final SecretCipher cipher;

	public DeployTargetSecrets(SecretCipher cipher) {
		this.cipher = cipher;
	}

	SealedSecret seal(OrgId org, EnvironmentId environment, String secret) {
		return this.cipher.seal(secret, associatedData(org, environment));
	}

	String open(OrgId org, EnvironmentId environment, SealedSecret sealed) {
		return this.cipher.open(sealed, associatedData(org, environment));
	}

	private static String associatedData(OrgId org, EnvironmentId environment) {
		return "deploy-target:" + org + ":" + environment;
	}

}
