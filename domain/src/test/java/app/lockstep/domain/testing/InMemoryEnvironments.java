package app.lockstep.domain.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;

/**
 * {@link Environments} in a map per organization, listed in promotion order
 * ({@code position}). A name taken in the project is refused as the adapter refuses it (a
 * {@link ConflictException} on "name"). Locks are no-ops: tests run in one thread.
 */
public final class InMemoryEnvironments implements Environments {

	private final Map<OrgId, Map<EnvironmentId, Environment>> byOrg = new HashMap<>();

	private Map<EnvironmentId, Environment> of(OrgId org) {
		return this.byOrg.computeIfAbsent(org, (o) -> new LinkedHashMap<>());
	}

	@Override
	public void create(OrgId org, Environment environment, Instant at) {
		if (findByName(org, environment.projectId(), environment.name()).isPresent()
				|| of(org).containsKey(environment.id())) {
			throw new ConflictException("name",
					"This project already has an environment named \"" + environment.name() + "\".");
		}
		of(org).put(environment.id(), environment);
	}

	@Override
	public List<Environment> listForUpdate(OrgId org, ProjectId project) {
		return list(org, project);
	}

	@Override
	public List<Environment> list(OrgId org, ProjectId project) {
		return of(org).values()
			.stream()
			.filter((e) -> e.projectId().equals(project))
			.sorted(Comparator.comparingInt(Environment::position))
			.toList();
	}

	@Override
	public Optional<Environment> findByName(OrgId org, ProjectId project, String name) {
		return of(org).values()
			.stream()
			.filter((e) -> e.projectId().equals(project) && e.name().equals(name))
			.findFirst();
	}

	@Override
	public Optional<Environment> findById(OrgId org, EnvironmentId id) {
		return Optional.ofNullable(of(org).get(id));
	}

	@Override
	public void update(OrgId org, Environment environment, Instant at) {
		Environment old = of(org).get(environment.id());
		if (old == null) {
			return;
		}
		if (!old.name().equals(environment.name())
				&& findByName(org, environment.projectId(), environment.name()).isPresent()) {
			throw new ConflictException("name",
					"This project already has an environment named \"" + environment.name() + "\".");
		}
		of(org).put(environment.id(), environment);
	}

	@Override
	public void delete(OrgId org, EnvironmentId id) {
		of(org).remove(id);
	}

	/** What the database's cascade does when a project is deleted. */
	void deleteAllOf(OrgId org, ProjectId project) {
		of(org).values().removeIf((e) -> e.projectId().equals(project));
	}

}
