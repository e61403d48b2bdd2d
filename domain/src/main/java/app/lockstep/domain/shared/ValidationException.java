package app.lockstep.domain.shared;

import java.util.List;

/** Bad input: one or more specific messages, each tied to a field. Nothing was saved. */
public class ValidationException extends DomainException {

	private final List<FieldError> errors;

	public ValidationException(List<FieldError> errors) {
		super(errors.isEmpty() ? "Invalid input" : errors.get(0).message());
		this.errors = List.copyOf(errors);
	}

	public ValidationException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
