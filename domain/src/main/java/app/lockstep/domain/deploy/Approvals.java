package app.lockstep.domain.deploy;

import java.util.List;

import app.lockstep.domain.shared.OrgId;

/**
 * Approval decisions. Every method runs inside a unit of work bound to the organization.
 */
public interface Approvals {

	/**
	 * Inserts the decision. The database refuses it with
	 * {@link Deployments.IllegalTransitionException} when the deployment no longer awaits
	 * approval at the decision's version, and with
	 * {@link app.lockstep.domain.shared.ConflictException} when this person decided this
	 * version already.
	 */
	void insert(OrgId org, Approval approval);

	/** Every decision on the deployment, oldest first (all versions). */
	List<Approval> of(OrgId org, DeploymentId deployment);

}
