package app.lockstep.domain.deploy;

import java.util.Locale;

/**
 * What a request asks for when its time falls in a closed window: be refused, or wait for
 * the next open instant.
 */
public enum WhenBlocked {

	REJECT, QUEUE;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
