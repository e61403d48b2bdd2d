package app.lockstep.domain.access;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A member acting in one organization: who they are, their role there, and where the
 * request came from. Every use case that changes tenant data takes one and asks it for
 * the permission it needs.
 */
public record Caller(Organization organization, UserId userId, String name, Role role, @Nullable String ip) {

	public OrgId orgId() {
		return this.organization.id();
	}

	public boolean can(Permission permission) {
		return this.role.allows(permission);
	}

	public void require(Permission permission) {
		if (!can(permission)) {
			throw new ForbiddenException("Your role (" + this.role.label() + ") does not allow this.");
		}
	}

	public Actor actor() {
		return Actor.user(this.userId, this.name, this.ip);
	}

}
