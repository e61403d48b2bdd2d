package app.lockstep.domain.config;

import org.jspecify.annotations.Nullable;

/**
 * A variable as it may be compared and shown: its value only as a fingerprint, and as
 * text when it is not sensitive. Both sides of a comparison need fingerprints made the
 * same way, such as {@link SecretCipher#fingerprint} for every variable.
 */
public record VariableState(String name, String fingerprint, @Nullable String displayValue, boolean sensitive,
		Visibility visibility) {

	public VariableState {
		if (sensitive) {
			displayValue = null;
		}
	}

	public static VariableState of(Variable variable, String fingerprint) {
		return new VariableState(variable.name(), fingerprint, variable.value(), variable.sensitive(),
				variable.visibility());
	}

}
