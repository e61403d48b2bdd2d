package app.lockstep.domain.testing;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.ConfigRevisions;
import app.lockstep.domain.config.ConfigScope;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * {@link ConfigRevisions}: per organization and scope, the revisions by number. A taken
 * number is refused with {@link ConfigRevisions.RevisionTakenException} and nothing is
 * written, as the unique index does. {@link #lock} only counts (tests run in one thread):
 * {@link #locks()} lets a test check that a writer took it.
 */
public final class InMemoryConfigRevisions implements ConfigRevisions {

	private final Map<OrgId, Map<ConfigScope, NavigableMap<Integer, ConfigRevision>>> byOrg = new HashMap<>();

	private int locks;

	private NavigableMap<Integer, ConfigRevision> of(OrgId org, ConfigScope scope) {
		return this.byOrg.computeIfAbsent(org, (o) -> new LinkedHashMap<>())
			.computeIfAbsent(scope, (s) -> new TreeMap<>());
	}

	/** How many times a writer locked a config. */
	public int locks() {
		return this.locks;
	}

	/** Every revision of the scope, oldest first. */
	public List<ConfigRevision> all(OrgId org, ConfigScope scope) {
		return List.copyOf(of(org, scope).values());
	}

	@Override
	public void lock(OrgId org, ConfigScope scope) {
		this.locks++;
	}

	@Override
	public Optional<ConfigRevision> latest(OrgId org, ConfigScope scope) {
		var last = of(org, scope).lastEntry();
		return (last != null) ? Optional.of(last.getValue()) : Optional.empty();
	}

	@Override
	public int latestNumber(OrgId org, ConfigScope scope) {
		return latest(org, scope).map(ConfigRevision::number).orElse(0);
	}

	@Override
	public Optional<ConfigRevision> find(OrgId org, ConfigScope scope, int number) {
		return Optional.ofNullable(of(org, scope).get(number));
	}

	@Override
	public List<ConfigRevision> history(OrgId org, ConfigScope scope, @Nullable Integer beforeNumber, int limit) {
		NavigableMap<Integer, ConfigRevision> revisions = of(org, scope);
		NavigableMap<Integer, ConfigRevision> before = (beforeNumber != null) ? revisions.headMap(beforeNumber, false)
				: revisions;
		return before.descendingMap().values().stream().limit(limit).toList();
	}

	@Override
	public void insert(OrgId org, ConfigRevision revision) {
		NavigableMap<Integer, ConfigRevision> revisions = of(org, revision.scope());
		if (revisions.containsKey(revision.number())) {
			throw new RevisionTakenException();
		}
		revisions.put(revision.number(), revision);
	}

	@Override
	public Map<EnvironmentId, ConfigRevision> latestPerEnvironment(OrgId org, ProjectId project) {
		Map<EnvironmentId, ConfigRevision> latest = new LinkedHashMap<>();
		latestPerScope(org, List.of(project)).forEach((scope, revision) -> {
			EnvironmentId environment = scope.environment();
			if (environment != null && scope.project().equals(project)) {
				latest.put(environment, revision);
			}
		});
		return latest;
	}

	@Override
	public Map<ConfigScope, ConfigRevision> latestPerScope(OrgId org, Collection<ProjectId> projects) {
		Map<ConfigScope, ConfigRevision> latest = new LinkedHashMap<>();
		this.byOrg.getOrDefault(org, Map.of())
			.entrySet()
			.stream()
			.filter((e) -> !e.getValue().isEmpty() && projects.contains(e.getKey().project()))
			.sorted(Comparator
				.comparing((Map.Entry<ConfigScope, NavigableMap<Integer, ConfigRevision>> e) -> e.getKey().isProject()))
			.forEach((e) -> latest.put(e.getKey(), e.getValue().lastEntry().getValue()));
		return latest;
	}

}
