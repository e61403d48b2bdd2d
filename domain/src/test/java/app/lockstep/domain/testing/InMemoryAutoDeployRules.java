package app.lockstep.domain.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.deploy.AutoDeployRule;
import app.lockstep.domain.deploy.AutoDeployRules;
import app.lockstep.domain.deploy.AutomaticDeployment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;

/**
 * Automatic deployment rules and their triggers per organization, as the table keys them.
 */
public final class InMemoryAutoDeployRules implements AutoDeployRules {

	private final InMemoryEnvironments environments;

	private final Map<OrgId, Map<EnvironmentId, AutoDeployRule>> rules = new HashMap<>();

	private record Key(EnvironmentId environment, ArtifactId artifact) {
	}

	private final Map<OrgId, Map<Key, AutomaticDeployment>> triggers = new HashMap<>();

	public InMemoryAutoDeployRules(InMemoryEnvironments environments) {
		this.environments = environments;
	}

	@Override
	public Optional<AutoDeployRule> find(OrgId org, EnvironmentId environment) {
		return Optional.ofNullable(this.rules.getOrDefault(org, Map.of()).get(environment));
	}

	@Override
	public List<AutoDeployRule> ofProject(OrgId org, ProjectId project) {
		List<EnvironmentId> ids = this.environments.list(org, project).stream().map((e) -> e.id()).toList();
		return this.rules.getOrDefault(org, Map.of())
			.values()
			.stream()
			.filter((rule) -> ids.contains(rule.environment()))
			.toList();
	}

	@Override
	public void save(OrgId org, AutoDeployRule rule) {
		this.rules.computeIfAbsent(org, (o) -> new LinkedHashMap<>()).put(rule.environment(), rule);
	}

	@Override
	public void remove(OrgId org, EnvironmentId environment) {
		this.rules.getOrDefault(org, new HashMap<>()).remove(environment);
	}

	@Override
	public boolean claim(OrgId org, EnvironmentId environment, ArtifactId artifact, String ref, java.time.Instant at) {
		Map<Key, AutomaticDeployment> known = this.triggers.computeIfAbsent(org, (o) -> new LinkedHashMap<>());
		Key key = new Key(environment, artifact);
		if (known.containsKey(key)) {
			return false;
		}
		known.put(key, null);
		return true;
	}

	@Override
	public void settle(OrgId org, AutomaticDeployment outcome) {
		this.triggers.computeIfAbsent(org, (o) -> new LinkedHashMap<>())
			.put(new Key(outcome.environment(), outcome.artifact()), outcome);
	}

	@Override
	public List<AutomaticDeployment> recent(OrgId org, EnvironmentId environment, int limit) {
		List<AutomaticDeployment> all = new ArrayList<>();
		this.triggers.getOrDefault(org, Map.of()).values().forEach((t) -> {
			if (t != null && t.environment().equals(environment)) {
				all.add(t);
			}
		});
		return all.reversed().stream().limit(limit).toList();
	}

}
