package app.lockstep.domain.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.config.spec.Spec;
import app.lockstep.domain.config.spec.InfrastructureSpec;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Reads configs without secret values: the current one, the history, one revision, a diff
 * between two.
 */
@UseCase
public final class ViewConfig {

	private final Projects projects;

	private final Environments environments;

	private final ConfigRevisions revisions;

	private final Transactions transactions;

	public ViewConfig(Projects projects, Environments environments, ConfigRevisions revisions,
			Transactions transactions) {
		this.projects = projects;
		this.environments = environments;
		this.revisions = revisions;
		this.transactions = transactions;
	}

	/**
	 * The current config, and for each sensitive variable of the environment's own
	 * revision the revision that last set its value (a sensitive value is shown only as
	 * "set", with who set it and when).
	 */
	public record Current(ConfigTarget target, EffectiveConfig config, Map<String, ConfigRevision> secretsSetIn) {

		public @Nullable ConfigRevision secretSetIn(String name) {
			return this.secretsSetIn.get(name);
		}

	}

	/** How far back "last changed" of a secret is looked up. */
	private static final int SECRET_HISTORY = 100;

	public record Diff(ConfigRevision from, ConfigRevision to, List<DiffLine> specLines,
			List<VariableChange> variableChanges, ChangeSummary summary) {
	}

	public Current current(Caller caller, String projectSlug, @Nullable String environmentName) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			ConfigTarget target = target(caller, projectSlug, environmentName);
			EffectiveConfig config = effective(caller, target, Optional.empty());
			return new Current(target, config, secretsSetIn(caller, target, config));
		});
	}

	private Map<String, ConfigRevision> secretsSetIn(Caller caller, ConfigTarget target, EffectiveConfig config) {
		Map<String, ConfigRevision> setIn = new LinkedHashMap<>();
		if (config.revision() == null || config.revision().variables().stream().noneMatch(StoredVariable::sensitive)) {
			return setIn;
		}
		List<ConfigRevision> history = this.revisions.history(caller.orgId(), target.scope(), null, SECRET_HISTORY);
		for (StoredVariable secret : config.revision().variables()) {
			if (!secret.sensitive()) {
				continue;
			}
			ConfigRevision since = history.get(0);
			for (ConfigRevision older : history) {
				boolean same = older.variables()
					.stream()
					.anyMatch((v) -> v.name().equals(secret.name()) && v.sensitive()
							&& v.fingerprint().equals(secret.fingerprint()));
				if (!same) {
					break;
				}
				since = older;
			}
			setIn.put(secret.name(), since);
		}
		return setIn;
	}

	/**
	 * The effective config at a given revision of the environment (the latest when null).
	 */
	EffectiveConfig effective(Caller caller, ConfigTarget target, Optional<Integer> number) {
		Optional<ConfigRevision> own = number.isPresent()
				? Optional.of(this.revisions.find(caller.orgId(), target.scope(), number.get())
					.orElseThrow(() -> new NotFoundException("No revision " + number.get() + " of this config.")))
				: this.revisions.latest(caller.orgId(), target.scope());
		Optional<ConfigRevision> shared = (target.environment() != null)
				? this.revisions.latest(caller.orgId(), new ConfigScope(target.project().id(), null))
				: Optional.empty();
		return EffectiveConfig.of(own, shared);
	}

	public List<ConfigRevision> history(Caller caller, String projectSlug, @Nullable String environmentName,
			@Nullable Integer beforeNumber, int limit) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> this.revisions.history(caller.orgId(),
				target(caller, projectSlug, environmentName).scope(), beforeNumber, Math.max(1, Math.min(limit, 200))));
	}

	public ConfigRevision revision(Caller caller, String projectSlug, @Nullable String environmentName, int number) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(),
				() -> this.revisions.find(caller.orgId(), target(caller, projectSlug, environmentName).scope(), number)
					.orElseThrow(() -> new NotFoundException("No revision " + number + " of this config.")));
	}

	public Diff diff(Caller caller, String projectSlug, @Nullable String environmentName, int from, int to) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			ConfigTarget target = target(caller, projectSlug, environmentName);
			ConfigRevision a = this.revisions.find(caller.orgId(), target.scope(), from)
				.orElseThrow(() -> new NotFoundException("No revision " + from + " of this config."));
			ConfigRevision b = this.revisions.find(caller.orgId(), target.scope(), to)
				.orElseThrow(() -> new NotFoundException("No revision " + to + " of this config."));
			return between(a, b);
		});
	}

	/**
	 * Diffs many pairs of revisions in the caller's unit of work (a page listing many
	 * deployments), reading each revision once: the revision deployed by one request is
	 * usually the one the next request compares against. The caller checked
	 * {@link Permission#VIEW_PROJECTS} or more.
	 */
	public Differ differ(Caller caller) {
		caller.require(Permission.VIEW_PROJECTS);
		return new Differ(caller.orgId());
	}

	/** See {@link #differ}. Not thread-safe; lives as long as one page. */
	public final class Differ {

		private final OrgId org;

		private final Map<ConfigScope, Map<Integer, Optional<ConfigRevision>>> read = new HashMap<>();

		private Differ(OrgId org) {
			this.org = org;
		}

		/**
		 * The diff between two revisions of one scope, as {@link ViewConfig#diff}; 404
		 * when either is missing.
		 */
		public Diff diff(ConfigScope scope, int from, int to) {
			ConfigRevision a = revision(scope, from)
				.orElseThrow(() -> new NotFoundException("No revision " + from + " of this config."));
			ConfigRevision b = revision(scope, to)
				.orElseThrow(() -> new NotFoundException("No revision " + to + " of this config."));
			return between(a, b);
		}

		/**
		 * Reads these revisions at once (those not read yet), so that the diffs asked for
		 * next need no read of their own.
		 */
		public void preload(java.util.Collection<ConfigRevisions.Numbered> wanted) {
			List<ConfigRevisions.Numbered> missing = wanted.stream()
				.filter((n) -> !this.read.getOrDefault(n.scope(), Map.of()).containsKey(n.number()))
				.distinct()
				.toList();
			if (missing.isEmpty()) {
				return;
			}
			List<ConfigRevision> found = ViewConfig.this.transactions.inTenant(this.org,
					() -> ViewConfig.this.revisions.findAll(this.org, missing));
			for (ConfigRevisions.Numbered numbered : missing) {
				this.read.computeIfAbsent(numbered.scope(), (s) -> new HashMap<>())
					.put(numbered.number(), Optional.empty());
			}
			for (ConfigRevision revision : found) {
				this.read.computeIfAbsent(revision.scope(), (s) -> new HashMap<>())
					.put(revision.number(), Optional.of(revision));
			}
		}

		private Optional<ConfigRevision> revision(ConfigScope scope, int number) {
			return this.read.computeIfAbsent(scope, (s) -> new HashMap<>())
				.computeIfAbsent(number, (n) -> ViewConfig.this.transactions.inTenant(this.org,
						() -> ViewConfig.this.revisions.find(this.org, scope, n)));
		}

	}

	static Diff between(ConfigRevision a, ConfigRevision b) {
		List<VariableChange> changes = VariableDiff.between(a.variableStates(), b.variableStates());
		Spec before = InfrastructureSpec.read(a.infrastructure());
		Spec after = InfrastructureSpec.read(b.infrastructure());
		return new Diff(a, b, LineDiff.between(a.infrastructure(), b.infrastructure()), changes,
				ChangeSummary.of(before, after, changes));
	}

	private ConfigTarget target(Caller caller, String projectSlug, @Nullable String environmentName) {
		return ConfigTarget.resolve(this.projects, this.environments, caller.orgId(), projectSlug, environmentName);
	}

}
