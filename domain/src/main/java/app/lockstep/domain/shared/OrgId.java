package app.lockstep.domain.shared;

import java.util.UUID;

public record OrgId(UUID value) {

	public static OrgId random() {
		return new OrgId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
