package app.lockstep.domain.deploy;

import app.lockstep.domain.shared.ConflictException;

/**
 * A dispatcher is handing the deployment to its deployer right now (it holds the
 * deployment's claim): changing or cancelling it is refused (409), a status report waits
 * for the delivery to be recorded. In a few seconds it is running, or due again.
 */
public class DeliveryInProgressException extends ConflictException {

	private final DeploymentStatus current;

	public DeliveryInProgressException(DeploymentStatus current) {
		super("This deployment is being handed to its deployer right now; in a few seconds it is running (or due "
				+ "again if the deployer did not take it). Look again then.");
		this.current = current;
	}

	public DeploymentStatus current() {
		return this.current;
	}

}
