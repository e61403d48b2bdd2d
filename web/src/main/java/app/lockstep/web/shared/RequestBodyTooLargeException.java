package app.lockstep.web.shared;

import java.io.IOException;
import java.util.Objects;

/**
 * A request body went past its limit while it was being read (see {@link RequestLimits}).
 * An {@link IOException}, because it is thrown by the request's input stream; the error
 * handling finds it in any chain of causes and answers 413.
 */
public class RequestBodyTooLargeException extends IOException {

	private final long limit;

	public RequestBodyTooLargeException(long limit) {
		super("The request body is larger than the " + RequestLimits.describe(limit) + " this address accepts.");
		this.limit = limit;
	}

	/** What the client is told: always set, by the constructor. */
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

	public long limit() {
		return this.limit;
	}

}
