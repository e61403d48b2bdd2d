package app.lockstep.domain.window;

import java.util.UUID;

/** An organization-wide freeze's id. */
public record FreezeId(UUID value) {

	public static FreezeId random() {
		return new FreezeId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
