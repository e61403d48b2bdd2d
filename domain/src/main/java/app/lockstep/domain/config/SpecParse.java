package app.lockstep.domain.config;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of reading an infrastructure spec: the spec when the text is valid,
 * otherwise every problem found, sorted by line.
 */
public record SpecParse(@Nullable Spec spec, List<LineError> errors) {

	public SpecParse {
		errors = List.copyOf(errors);
		if ((spec == null) == errors.isEmpty()) {
			throw new IllegalArgumentException("A spec comes with no errors, and errors with no spec");
		}
	}

	static SpecParse of(Spec spec) {
		return new SpecParse(spec, List.of());
	}

	static SpecParse invalid(List<LineError> errors) {
		return new SpecParse(null, errors);
	}

	public boolean valid() {
		return this.errors.isEmpty();
	}

}
