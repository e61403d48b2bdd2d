package app.lockstep.web.deploy;

import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.access.Permission;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * A gate nobody can pass: the environment needs an approval from someone other than the
 * requester, and the organization has nobody else who may give it (a person working
 * alone). The request form and the deployment page explain it and offer the explicit,
 * audited way out: allowing self-approval on that environment.
 */
@Component
class SoloGate {

	private final ViewDeployments view;

	SoloGate(ViewDeployments view) {
		this.view = view;
	}

	/**
	 * What the page explains, or null when the gate can be passed (no approval needed,
	 * self-approval allowed, or another member may approve).
	 *
	 * @param approvers such as "owners, admins or leads"
	 * @param canAllow whether this member may change the gate (manages policies)
	 * @param allowPath where the self-approval form posts
	 */
	record View(String environment, int required, String approvers, boolean canAllow, String allowPath) {

		/** "1 approval" or "2 approvals". */
		public String approvals() {
			return (this.required == 1) ? "1 approval" : this.required + " approvals";
		}

		public String allowLabel() {
			return "Allow self-approval on " + this.environment;
		}

	}

	@Nullable View of(Caller caller, ApprovalPolicy policy, String project, String environment) {
		if (policy.requiredApprovals() == 0 || policy.allowSelfApproval() || !caller.can(Permission.VIEW_MEMBERS)) {
			return null;
		}
		if (this.view.anotherMemberDecides(caller, policy)) {
			return null;
		}
		return new View(environment, policy.requiredApprovals(), ApprovalQueueCard.roles(policy),
				caller.can(Permission.MANAGE_POLICIES),
				DeploymentPaths.settings(caller.organization().slug(), project, environment) + "/allow-self-approval");
	}

}
