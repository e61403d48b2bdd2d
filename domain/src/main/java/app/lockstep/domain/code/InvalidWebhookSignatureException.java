package app.lockstep.domain.code;

import app.lockstep.domain.shared.DomainException;

/** A webhook delivery without a valid signature or token: refused unread (401). */
public class InvalidWebhookSignatureException extends DomainException {

	public InvalidWebhookSignatureException(String message) {
		super(message);
	}

}
