package app.lockstep.domain.deploy;

import app.lockstep.domain.shared.ConflictException;

/**
 * The deployment is not in a status that allows what was asked (409), for example
 * approving a cancelled one. Carries the current status.
 */
public class StatusConflictException extends ConflictException {

	private final DeploymentStatus current;

	public StatusConflictException(DeploymentStatus current, String what) {
		super("This deployment is " + current.label().toLowerCase(java.util.Locale.ROOT) + " (" + current.value()
				+ "), so it cannot " + what + ".");
		this.current = current;
	}

	public DeploymentStatus current() {
		return this.current;
	}

}
