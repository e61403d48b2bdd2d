package app.lockstep.domain.shared;

/** A member of the organization lacks the permission for this action. */
public class ForbiddenException extends DomainException {

	public ForbiddenException(String message) {
		super(message);
	}

}
