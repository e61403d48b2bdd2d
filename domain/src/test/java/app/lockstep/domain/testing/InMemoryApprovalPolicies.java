package app.lockstep.domain.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.deploy.ApprovalPolicies;
import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.OrgId;

/**
 * Saved approval gates per organization and environment; none saved means the default.
 */
public final class InMemoryApprovalPolicies implements ApprovalPolicies {

	private final Map<OrgId, Map<EnvironmentId, ApprovalPolicy>> byOrg = new HashMap<>();

	@Override
	public Optional<ApprovalPolicy> find(OrgId org, EnvironmentId environment) {
		return Optional.ofNullable(this.byOrg.getOrDefault(org, Map.of()).get(environment));
	}

	@Override
	public void save(OrgId org, EnvironmentId environment, ApprovalPolicy policy) {
		this.byOrg.computeIfAbsent(org, (o) -> new HashMap<>()).put(environment, policy);
	}

	private final Map<OrgId, app.lockstep.domain.deploy.OrganizationGate> gates = new HashMap<>();

	@Override
	public Optional<app.lockstep.domain.deploy.OrganizationGate> organizationGate(OrgId org) {
		return Optional.ofNullable(this.gates.get(org));
	}

	@Override
	public void saveOrganizationGate(OrgId org, app.lockstep.domain.deploy.OrganizationGate gate) {
		this.gates.put(org, gate);
	}

	@Override
	public void removeOrganizationGate(OrgId org) {
		this.gates.remove(org);
	}

}
