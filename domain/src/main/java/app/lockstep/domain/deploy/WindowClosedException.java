package app.lockstep.domain.deploy;

import java.time.Instant;

import app.lockstep.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A deployment asked for a time its environment's windows close, and asked to be refused
 * rather than queued (422): which rule blocks it and the next open instant.
 */
public class WindowClosedException extends ValidationException {

	private final String blockedBy;

	private final @Nullable Instant nextOpenAt;

	public WindowClosedException(String environment, Instant at, String blockedBy, @Nullable Instant nextOpenAt) {
		super("scheduledAt",
				environment + " is closed for deployments at " + at + ": " + blockedBy + ". "
						+ ((nextOpenAt != null)
								? "It opens next at " + nextOpenAt + "; schedule it then, or send "
										+ "\"whenBlocked\": \"queue\" to wait for it."
								: "No open window within a year."));
		this.blockedBy = blockedBy;
		this.nextOpenAt = nextOpenAt;
	}

	public String blockedBy() {
		return this.blockedBy;
	}

	public @Nullable Instant nextOpenAt() {
		return this.nextOpenAt;
	}

}
