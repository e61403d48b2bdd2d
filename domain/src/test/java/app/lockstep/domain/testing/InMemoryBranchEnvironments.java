package app.lockstep.domain.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.deploy.BranchEnvironment;
import app.lockstep.domain.deploy.BranchEnvironments;
import app.lockstep.domain.deploy.BranchRule;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;

/** Branch environment rules and branch environments per organization. */
public final class InMemoryBranchEnvironments implements BranchEnvironments {

	private final Map<OrgId, Map<ProjectId, BranchRule>> rules = new HashMap<>();

	private final Map<OrgId, List<BranchEnvironment>> environments = new HashMap<>();

	@Override
	public Optional<BranchRule> rule(OrgId org, ProjectId project) {
		return Optional.ofNullable(this.rules.getOrDefault(org, Map.of()).get(project));
	}

	@Override
	public void saveRule(OrgId org, BranchRule rule) {
		this.rules.computeIfAbsent(org, (o) -> new HashMap<>()).put(rule.project(), rule);
	}

	@Override
	public void removeRule(OrgId org, ProjectId project) {
		this.rules.getOrDefault(org, new HashMap<>()).remove(project);
	}

	@Override
	public List<BranchEnvironment> ofProject(OrgId org, ProjectId project) {
		return of(org).stream()
			.filter((b) -> b.project().equals(project))
			.sorted(Comparator.comparing((BranchEnvironment b) -> !b.active())
				.thenComparing(BranchEnvironment::createdAt, Comparator.reverseOrder()))
			.toList();
	}

	@Override
	public Optional<BranchEnvironment> find(OrgId org, EnvironmentId environment) {
		return of(org).stream().filter((b) -> b.environment().equals(environment)).findFirst();
	}

	@Override
	public void insert(OrgId org, BranchEnvironment environment) {
		of(org).add(environment);
	}

	@Override
	public void touch(OrgId org, EnvironmentId environment, Instant at) {
		replace(org, environment, (b) -> new BranchEnvironment(b.environment(), b.project(), b.branch(), b.parent(),
				b.parentRevision(), b.createdAt(), at, b.deactivatedAt(), b.deactivatedReason()));
	}

	@Override
	public void deactivate(OrgId org, EnvironmentId environment, Instant at, String reason) {
		replace(org, environment, (b) -> new BranchEnvironment(b.environment(), b.project(), b.branch(), b.parent(),
				b.parentRevision(), b.createdAt(), b.lastPushAt(), at, reason));
	}

	@Override
	public List<OrgId> organizationsWithIdle(Instant now, int limit) {
		return this.environments.keySet().stream().filter((org) -> !idle(org, now).isEmpty()).limit(limit).toList();
	}

	@Override
	public List<BranchEnvironment> idle(OrgId org, Instant now) {
		return of(org).stream().filter((b) -> b.active()).filter((b) -> {
			BranchRule rule = rule(org, b.project()).orElse(null);
			return rule != null && b.lastPushAt().isBefore(now.minus(Duration.ofDays(rule.idleDays())));
		}).toList();
	}

	private List<BranchEnvironment> of(OrgId org) {
		return this.environments.computeIfAbsent(org, (o) -> new ArrayList<>());
	}

	private void replace(OrgId org, EnvironmentId environment,
			java.util.function.UnaryOperator<BranchEnvironment> change) {
		List<BranchEnvironment> all = of(org);
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).environment().equals(environment)) {
				all.set(i, change.apply(all.get(i)));
			}
		}
	}

}
