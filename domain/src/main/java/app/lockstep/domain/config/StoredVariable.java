package app.lockstep.domain.config;

import org.jspecify.annotations.Nullable;

/**
 * A variable as stored in a revision: a plain value, or for a sensitive one only its
 * sealed form. The fingerprint (a keyed hash of the value) lets revisions and
 * environments be compared without decrypting anything.
 */
public record StoredVariable(String name, @Nullable String value, @Nullable SealedSecret sealed, String fingerprint,
		boolean sensitive, Visibility visibility) {

	public VariableState state() {
		return new VariableState(this.name, this.fingerprint, this.sensitive ? null : this.value, this.sensitive,
				this.visibility);
	}

	@Override
	public String toString() {
		return "StoredVariable[" + this.name + (this.sensitive ? ", sensitive" : "=" + this.value) + "]";
	}

}
