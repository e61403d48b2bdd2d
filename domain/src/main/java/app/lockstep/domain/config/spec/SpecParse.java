package app.lockstep.domain.config.spec;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of reading an infrastructure spec: the spec when the text is valid,
 * otherwise every problem found, sorted by line; and warnings (such as a deprecated
 * version) that do not stop a save.
 */
public record SpecParse(@Nullable Spec spec, List<LineError> errors, List<LineError> warnings) {

	public SpecParse {
		errors = List.copyOf(errors);
		warnings = List.copyOf(warnings);
		if ((spec == null) == errors.isEmpty()) {
			throw new IllegalArgumentException("A spec comes with no errors, and errors with no spec");
		}
	}

	static SpecParse of(Spec spec, List<LineError> warnings) {
		return new SpecParse(spec, List.of(), warnings);
	}

	static SpecParse invalid(List<LineError> errors, List<LineError> warnings) {
		return new SpecParse(null, errors, warnings);
	}

	public boolean valid() {
		return this.errors.isEmpty();
	}

}
