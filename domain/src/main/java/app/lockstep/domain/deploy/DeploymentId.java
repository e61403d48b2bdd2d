package app.lockstep.domain.deploy;

import java.util.UUID;

public record DeploymentId(UUID value) {

	public static DeploymentId random() {
		return new DeploymentId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
