package app.lockstep.domain.access;

import java.util.EnumSet;
import java.util.Set;

/** A member's role in one organization, and what it allows. */
public enum Role {

	OWNER("Owner", "Everything, including owners and the organization's settings.", EnumSet.allOf(Permission.class)),

	ADMIN("Admin", "Members (except owners), projects, environments and policies.",
			EnumSet.complementOf(EnumSet.of(Permission.MANAGE_OWNERS, Permission.MANAGE_SETTINGS))),

	LEAD("Lead", "A developer who also approves deployments.",
			EnumSet.of(Permission.VIEW_PROJECTS, Permission.EDIT_PROJECTS, Permission.EDIT_CONFIG,
					Permission.READ_SECRETS, Permission.REQUEST_DEPLOYMENTS, Permission.APPROVE_DEPLOYMENTS,
					Permission.VIEW_MEMBERS)),

	DEVELOPER("Developer", "Creates and edits projects and their configs, requests deployments.",
			EnumSet.of(Permission.VIEW_PROJECTS, Permission.EDIT_PROJECTS, Permission.EDIT_CONFIG,
					Permission.READ_SECRETS, Permission.REQUEST_DEPLOYMENTS, Permission.VIEW_MEMBERS)),

	VIEWER("Viewer", "Reads everything except secret values; changes nothing.",
			EnumSet.of(Permission.VIEW_PROJECTS, Permission.VIEW_MEMBERS)),

	AUDITOR("Auditor", "Reads the audit log and history, and may have its head signed; changes nothing.",
			EnumSet.of(Permission.VIEW_PROJECTS, Permission.READ_AUDIT, Permission.SIGN_CHECKPOINTS));

	private final String label;

	private final String description;

	private final Set<Permission> permissions;

	Role(String label, String description, Set<Permission> permissions) {
		this.label = label;
		this.description = description;
		this.permissions = Set.copyOf(permissions);
	}

	public boolean allows(Permission permission) {
		return this.permissions.contains(permission);
	}

	public String label() {
		return this.label;
	}

	public String description() {
		return this.description;
	}

}
