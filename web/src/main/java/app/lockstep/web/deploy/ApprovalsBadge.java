package app.lockstep.web.deploy;

import app.lockstep.domain.deploy.AwaitingDecisionCounts;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.web.shared.LayoutContribution;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The count beside "Approvals" in the navigation, for the roles that approve: the
 * requests awaiting a decision this member may take now (not their own where the gate
 * forbids self-approval, not those they already decided).
 */
@Component
class ApprovalsBadge implements LayoutContribution {

	static final String ATTRIBUTE = "awaitingApprovals";

	private final AwaitingDecisionCounts counts;

	ApprovalsBadge(AwaitingDecisionCounts counts) {
		this.counts = counts;
	}

	@Override
	public void contribute(HttpServletRequest request, Caller caller, ModelAndView page) {
		if (caller.can(Permission.APPROVE_DEPLOYMENTS) && !page.getModel().containsKey(ATTRIBUTE)) {
			page.addObject(ATTRIBUTE, this.counts.of(caller));
		}
	}

}
