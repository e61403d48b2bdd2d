package app.lockstep.domain.config;

import java.util.List;

import app.lockstep.domain.config.spec.LineError;
import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.ValidationException;

/**
 * The submitted config is invalid: errors on spec lines and on variable fields. Nothing
 * was saved.
 */
public class InvalidConfigException extends ValidationException {

	private final List<LineError> lineErrors;

	public InvalidConfigException(List<LineError> lineErrors, List<FieldError> fieldErrors) {
		super(all(lineErrors, fieldErrors));
		this.lineErrors = List.copyOf(lineErrors);
	}

	public List<LineError> lineErrors() {
		return this.lineErrors;
	}

	private static List<FieldError> all(List<LineError> lineErrors, List<FieldError> fieldErrors) {
		List<FieldError> all = new java.util.ArrayList<>();
		for (LineError error : lineErrors) {
			all.add(new FieldError("infrastructure",
					(error.line() > 0 ? "Line " + error.line() + ": " : "") + error.message()));
		}
		all.addAll(fieldErrors);
		return all;
	}

}
