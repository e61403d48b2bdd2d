package app.lockstep.domain.deploy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	/**
	 * Every decision on each of these deployments, oldest first, keyed by deployment (one
	 * read for a page that shows many). A deployment without decisions has no key.
	 */
	default Map<DeploymentId, List<Approval>> of(OrgId org, Collection<DeploymentId> deployments) {
		Map<DeploymentId, List<Approval>> all = new LinkedHashMap<>();
		for (DeploymentId deployment : deployments) {
			List<Approval> decisions = of(org, deployment);
			if (!decisions.isEmpty()) {
				all.put(deployment, decisions);
			}
		}
		return all;
	}

}
