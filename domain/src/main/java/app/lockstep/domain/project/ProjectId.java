package app.lockstep.domain.project;

import java.util.UUID;

public record ProjectId(UUID value) {

	public static ProjectId random() {
		return new ProjectId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
