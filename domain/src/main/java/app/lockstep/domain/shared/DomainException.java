package app.lockstep.domain.shared;

/**
 * A use case refused to do what was asked; the subclasses say why, each mapping to one
 * HTTP status.
 */
public abstract class DomainException extends RuntimeException {

	protected DomainException(String message) {
		super(message);
	}

}
