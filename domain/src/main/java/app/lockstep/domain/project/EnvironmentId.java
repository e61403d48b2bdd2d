package app.lockstep.domain.project;

import java.util.UUID;

public record EnvironmentId(UUID value) {

	public static EnvironmentId random() {
		return new EnvironmentId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
