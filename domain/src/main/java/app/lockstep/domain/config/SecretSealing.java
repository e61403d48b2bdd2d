package app.lockstep.domain.config;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UseCase;

/**
 * Turns typed variables into stored ones and back. Sensitive values are sealed with the
 * organization and the variable's name as associated data, so a sealed value copied into
 * another organization or renamed cannot be opened; the same value keeps the same
 * fingerprint everywhere, which is what comparisons use.
 */
@UseCase
public final class SecretSealing {

	private final SecretCipher cipher;

	public SecretSealing(SecretCipher cipher) {
		this.cipher = cipher;
	}

	public StoredVariable store(OrgId org, Variable variable) {
		String fingerprint = this.cipher.fingerprint(variable.value());
		if (variable.sensitive()) {
			return new StoredVariable(variable.name(), null,
					this.cipher.seal(variable.value(), associatedData(org, variable.name())), fingerprint, true,
					variable.visibility());
		}
		return new StoredVariable(variable.name(), variable.value(), null, fingerprint, false, variable.visibility());
	}

	/**
	 * The variable's value; decrypts a sensitive one. Only for the deployer's config read
	 * and for re-sealing.
	 */
	public String reveal(OrgId org, StoredVariable variable) {
		if (!variable.sensitive()) {
			return (variable.value() != null) ? variable.value() : "";
		}
		if (variable.sealed() == null) {
			throw new IllegalStateException("Sensitive variable " + variable.name() + " has no sealed value");
		}
		return this.cipher.open(variable.sealed(), associatedData(org, variable.name()));
	}

	private static String associatedData(OrgId org, String name) {
		return "lockstep:" + org + ":" + name;
	}

}
