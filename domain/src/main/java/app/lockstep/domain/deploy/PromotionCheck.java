package app.lockstep.domain.deploy;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.shared.UseCase;

/**
 * Promotion, the part of an environment's gate that looks at other environments: when the
 * gate names an earlier environment, the artifact must have succeeded there. It runs in
 * the caller's transaction.
 */
@UseCase
public final class PromotionCheck {

	private final Environments environments;

	private final Deployments deployments;

	public PromotionCheck(Environments environments, Deployments deployments) {
		this.environments = environments;
		this.deployments = deployments;
	}

	/**
	 * Refuses (422 on {@code artifact}, naming the missing step) an artifact that has not
	 * succeeded on the environment the gate requires first.
	 */
	void require(OrgId org, DeploymentPlace place, ApprovalPolicy policy, Artifact artifact) {
		String earlier = policy.requiresSuccessIn();
		if (earlier == null) {
			return;
		}
		Environment required = this.environments.findByName(org, place.project().id(), earlier).orElse(null);
		if (required == null || !this.deployments.hasSucceeded(org, required.id(), artifact.id())) {
			throw new ValidationException("artifact",
					artifact.version() + " has not succeeded on " + earlier + " yet: " + place.environmentName()
							+ " only takes artifacts that were deployed successfully to " + earlier + " first. Deploy "
							+ artifact.version() + " to " + earlier + ", then promote it.");
		}
	}

}
