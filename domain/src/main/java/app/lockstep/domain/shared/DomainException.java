package app.lockstep.domain.shared;

import java.util.Objects;

/**
 * A use case refused to do what was asked; the subclasses say why, each mapping to one
 * HTTP status.
 */
public abstract class DomainException extends RuntimeException {

	protected DomainException(String message) {
		super(message);
	}

	/** What went wrong, in words for a person: every domain exception has it. */
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

}
