package app.lockstep.domain.access;

/**
 * Everything a member may or may not do. {@link Role#allows(Permission)} is the one place
 * that decides.
 */
public enum Permission {

	/** See the organization's projects, environments and dashboard. */
	VIEW_PROJECTS,
	/** Create and edit projects and environments. */
	EDIT_PROJECTS,
	/** Delete projects and environments. */
	DELETE_PROJECTS,
	/** Edit environment config (infrastructure spec and variables). */
	EDIT_CONFIG,
	/** Read sensitive variable values. */
	READ_SECRETS,
	/** Request deployments. */
	REQUEST_DEPLOYMENTS,
	/** Approve or reject deployment requests. */
	APPROVE_DEPLOYMENTS,
	/**
	 * Deploy in an emergency: during a closed window or without approvals, with a
	 * mandatory reason and a later review (break-glass).
	 */
	BREAK_GLASS,
	/** Change approval gates, deployment windows and deploy targets. */
	MANAGE_POLICIES,
	/** See the member list. */
	VIEW_MEMBERS,
	/** Invite, re-role and remove members other than owners. */
	MANAGE_MEMBERS,
	/** Make, demote and remove owners. */
	MANAGE_OWNERS,
	/** Read the audit log. */
	READ_AUDIT,
	/**
	 * Have the server sign the audit chain's head now (a checkpoint): evidence added to
	 * the trail, which changes nothing in it (decision 13).
	 */
	SIGN_CHECKPOINTS,
	/** Change the organization's name and defaults. */
	MANAGE_SETTINGS

}
