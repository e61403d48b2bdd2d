package app.lockstep.domain.access;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A member acting in one organization: who they are, their role there, where the request
 * came from, and the API token it was sent with, if any (the token acts as the member who
 * created it). Every use case that changes tenant data takes one and asks it for the
 * permission it needs, and for the actor its audit event names.
 */
public record Caller(Organization organization, UserId userId, String name, Role role, @Nullable String ip,
		@Nullable ApiToken token) {

	/** A member acting in person (signed in), not through an API token. */
	public Caller(Organization organization, UserId userId, String name, Role role, @Nullable String ip) {
		this(organization, userId, name, role, ip, null);
	}

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

	/**
	 * Who the audit trail names, the one rule for every use case: the API token when the
	 * request came with one (its id, the creator's name with the token's), otherwise the
	 * member.
	 */
	public Actor actor() {
		if (this.token != null) {
			return new Actor(Actor.Type.TOKEN, this.token.id().toString(), this.name, this.ip);
		}
		return Actor.user(this.userId, this.name, this.ip);
	}

}
