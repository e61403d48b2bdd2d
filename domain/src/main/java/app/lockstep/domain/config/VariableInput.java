package app.lockstep.domain.config;

import org.jspecify.annotations.Nullable;

/**
 * A variable as a person or client submits it. For a sensitive variable an empty value
 * means "keep the value it has", because sensitive values are write-only and never sent
 * back to the browser.
 */
public record VariableInput(String name, @Nullable String value, boolean sensitive, Visibility visibility) {

	@Override
	public String toString() {
		return "VariableInput[" + this.name + (this.sensitive ? ", sensitive" : "=" + this.value) + "]";
	}

}
