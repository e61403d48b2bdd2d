package app.lockstep.domain.token;

import app.lockstep.domain.shared.DomainException;

/**
 * The token presented is no credential: malformed, unknown, expired or revoked (401).
 */
public class InvalidApiTokenException extends DomainException {

	public InvalidApiTokenException(String message) {
		super(message);
	}

}
