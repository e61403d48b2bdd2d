package app.lockstep.domain.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.deploy.DeployTarget;
import app.lockstep.domain.deploy.DeployTargets;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.OrgId;

/**
 * Saved deploy targets per organization and environment; none saved means manual. A
 * webhook target without its URL or secret is refused, as the table's check refuses it.
 */
public final class InMemoryDeployTargets implements DeployTargets {

	private final Map<OrgId, Map<EnvironmentId, DeployTarget>> byOrg = new HashMap<>();

	@Override
	public Optional<DeployTarget> find(OrgId org, EnvironmentId environment) {
		return Optional.ofNullable(this.byOrg.getOrDefault(org, Map.of()).get(environment));
	}

	@Override
	public void save(OrgId org, EnvironmentId environment, DeployTarget target) {
		if (target.type() == DeployTarget.Type.WEBHOOK && (target.url() == null || target.secret() == null)) {
			throw new IllegalArgumentException(
					"check constraint deploy_targets_webhook: a webhook needs url and secret");
		}
		this.byOrg.computeIfAbsent(org, (o) -> new HashMap<>()).put(environment, target);
	}

}
