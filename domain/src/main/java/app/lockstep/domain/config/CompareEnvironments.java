package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Drift: how two environments' effective configs differ (runtimes, services,
 * relationships, mounts, variables; sensitive ones only as same/different by fingerprint,
 * never decrypted), and for the dashboard a one-line headline per neighbouring pair in
 * the promotion order.
 */
@UseCase
public final class CompareEnvironments {

	private final Projects projects;

	private final Environments environments;

	private final ConfigRevisions revisions;

	private final Transactions transactions;

	private final DriftHeadlines headlines = new DriftHeadlines(20_000);

	public CompareEnvironments(Projects projects, Environments environments, ConfigRevisions revisions,
			Transactions transactions) {
		this.projects = projects;
		this.environments = environments;
		this.revisions = revisions;
		this.transactions = transactions;
	}

	public record Comparison(ConfigTarget left, EffectiveConfig leftConfig, ConfigTarget right,
			EffectiveConfig rightConfig, List<DriftItem> items) {

		public List<DriftItem> differences() {
			return this.items.stream().filter((item) -> item.kind() != ChangeKind.SAME).toList();
		}

	}

	/**
	 * "staging ≠ production: php 8.3 vs 8.2" between neighbours in the promotion order.
	 */
	public record PairDrift(String left, String right, String headline) {
	}

	public Comparison compare(Caller caller, String projectSlug, String leftName, String rightName) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			ViewConfig reader = new ViewConfig(this.projects, this.environments, this.revisions, this.transactions);
			ConfigTarget left = ConfigTarget.resolve(this.projects, this.environments, caller.orgId(), projectSlug,
					leftName);
			ConfigTarget right = ConfigTarget.resolve(this.projects, this.environments, caller.orgId(), projectSlug,
					rightName);
			EffectiveConfig leftConfig = reader.effective(caller, left, Optional.empty());
			EffectiveConfig rightConfig = reader.effective(caller, right, Optional.empty());
			return new Comparison(left, leftConfig, right, rightConfig, Drift.between(leftConfig.spec(),
					leftConfig.variableStates(), rightConfig.spec(), rightConfig.variableStates()));
		});
	}

	/**
	 * For each project, the drift between each environment and the next one in the
	 * promotion order.
	 */
	public Map<String, List<PairDrift>> overview(Caller caller, List<ProjectWithEnvironments> projects) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			Map<String, List<PairDrift>> overview = new LinkedHashMap<>();
			Map<ConfigScope, ConfigRevision> latest = this.revisions.latestPerScope(caller.orgId(),
					projects.stream().map((p) -> p.project().id()).toList());
			for (ProjectWithEnvironments project : projects) {
				ConfigRevision shared = latest.get(new ConfigScope(project.project().id(), null));
				List<PairDrift> pairs = new ArrayList<>();
				List<Environment> environments = project.environments();
				for (int i = 0; i + 1 < environments.size(); i++) {
					ConfigRevision left = latest.get(new ConfigScope(project.project().id(), environments.get(i).id()));
					ConfigRevision right = latest
						.get(new ConfigScope(project.project().id(), environments.get(i + 1).id()));
					if (left == null && right == null) {
						continue;
					}
					String headline = this.headlines.between(caller.orgId(), shared, left, right,
							() -> headline(shared, left, right));
					if (!headline.isEmpty()) {
						pairs.add(new PairDrift(environments.get(i).name(), environments.get(i + 1).name(), headline));
					}
				}
				overview.put(project.project().slug(), pairs);
			}
			return overview;
		});
	}

	private static String headline(@Nullable ConfigRevision shared, @Nullable ConfigRevision left,
			@Nullable ConfigRevision right) {
		EffectiveConfig a = EffectiveConfig.of(Optional.ofNullable(left), Optional.ofNullable(shared));
		EffectiveConfig b = EffectiveConfig.of(Optional.ofNullable(right), Optional.ofNullable(shared));
		return Drift.headline(Drift.between(a.spec(), a.variableStates(), b.spec(), b.variableStates()));
	}

}
