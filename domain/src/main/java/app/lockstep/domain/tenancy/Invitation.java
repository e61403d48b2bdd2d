package app.lockstep.domain.tenancy;

import java.time.Instant;
import java.util.UUID;

import app.lockstep.domain.access.Role;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import org.jspecify.annotations.Nullable;

public record Invitation(OrgId org, UUID id, String email, Role role, UserId invitedBy, @Nullable String invitedByName,
		Instant createdAt, Instant expiresAt, @Nullable Instant acceptedAt, @Nullable Instant revokedAt) {

	public boolean pendingAt(Instant now) {
		return this.acceptedAt == null && this.revokedAt == null && this.expiresAt.isAfter(now);
	}

}
