package app.lockstep.web.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.ValidationException;

/**
 * Turns a refused submission into messages keyed by form field, shown beside the field
 * that caused them.
 */
public final class FormErrors {

	public static final String GLOBAL = "_global";

	private FormErrors() {
	}

	public static Map<String, String> of(ValidationException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : ex.errors()) {
			errors.putIfAbsent(error.field(), error.message());
		}
		return errors;
	}

	public static Map<String, String> of(ConflictException ex) {
		return Map.of(ex.field().orElse(GLOBAL), ex.getMessage());
	}

}
