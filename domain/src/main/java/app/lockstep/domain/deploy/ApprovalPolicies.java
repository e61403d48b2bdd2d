package app.lockstep.domain.deploy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.OrgId;

/**
 * Saved approval gates; an environment without one has {@link ApprovalPolicy#defaultFor}.
 */
public interface ApprovalPolicies {

	Optional<ApprovalPolicy> find(OrgId org, EnvironmentId environment);

	/**
	 * The environment's gate: the organization's for production where it applies (unless
	 * overridable and the environment has its own), else the saved one, else its tier's
	 * default.
	 */
	default ApprovalPolicy of(OrgId org, Environment environment) {
		return effective(org, environment).policy();
	}

	/** {@link #of} with where each part comes from. */
	default EffectiveGate effective(OrgId org, Environment environment) {
		OrganizationGate gate = (environment.tier() == app.lockstep.domain.project.Tier.PRODUCTION)
				? organizationGate(org).orElse(null) : null;
		return EffectiveGate.resolve(environment, find(org, environment.id()).orElse(null), gate);
	}

	/** The organization's gate for production environments, if it has one. */
	Optional<OrganizationGate> organizationGate(OrgId org);

	void saveOrganizationGate(OrgId org, OrganizationGate gate);

	void removeOrganizationGate(OrgId org);

	/**
	 * The saved gates of these environments (one read); those without one have no key.
	 */
	default Map<EnvironmentId, ApprovalPolicy> findAll(OrgId org, Collection<EnvironmentId> environments) {
		Map<EnvironmentId, ApprovalPolicy> all = new LinkedHashMap<>();
		for (EnvironmentId environment : environments) {
			find(org, environment).ifPresent((policy) -> all.put(environment, policy));
		}
		return all;
	}

	void save(OrgId org, EnvironmentId environment, ApprovalPolicy policy);

}
