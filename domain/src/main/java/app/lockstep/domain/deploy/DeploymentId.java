package app.lockstep.domain.deploy;

import java.util.UUID;

public record DeploymentId(UUID value) {

	public static DeploymentId random() {
		return new DeploymentId(UUID.randomUUID());
	}

	/** The id in a URL; anything that is not a UUID names no deployment (404). */
	public static DeploymentId parse(String text) {
		try {
			return new DeploymentId(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			throw new app.lockstep.domain.shared.NotFoundException("No deployment \"" + text + "\".");
		}
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
