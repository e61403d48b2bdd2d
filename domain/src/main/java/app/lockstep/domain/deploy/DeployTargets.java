package app.lockstep.domain.deploy;

import java.util.Optional;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.OrgId;

/**
 * Saved deploy targets; an environment without one is
 * {@link DeployTarget#manualByDefault()}.
 */
public interface DeployTargets {

	Optional<DeployTarget> find(OrgId org, EnvironmentId environment);

	/** The environment's target: the saved one, else a manual one. */
	default DeployTarget of(OrgId org, EnvironmentId environment) {
		return find(org, environment).orElseGet(DeployTarget::manualByDefault);
	}

	void save(OrgId org, EnvironmentId environment, DeployTarget target);

}
