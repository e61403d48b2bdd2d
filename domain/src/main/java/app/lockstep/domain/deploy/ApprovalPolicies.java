package app.lockstep.domain.deploy;

import java.util.Optional;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.OrgId;

/**
 * Saved approval gates; an environment without one has {@link ApprovalPolicy#defaultFor}.
 */
public interface ApprovalPolicies {

	Optional<ApprovalPolicy> find(OrgId org, EnvironmentId environment);

	void save(OrgId org, EnvironmentId environment, ApprovalPolicy policy);

}
