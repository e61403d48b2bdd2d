package app.lockstep.domain.code;

import java.util.UUID;

public record ArtifactId(UUID value) {

	public static ArtifactId random() {
		return new ArtifactId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
