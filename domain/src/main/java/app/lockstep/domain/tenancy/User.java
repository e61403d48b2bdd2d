package app.lockstep.domain.tenancy;

import app.lockstep.domain.shared.OrgId;
import java.time.Instant;

import app.lockstep.domain.shared.UserId;
import org.jspecify.annotations.Nullable;

public record User(UserId id, String email, String name, String passwordHash, int failedLogins,
		@Nullable Instant lockedUntil, @Nullable OrgId lastOrg) {

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
