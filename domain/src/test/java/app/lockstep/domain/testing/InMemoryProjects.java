package app.lockstep.domain.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;

/**
 * {@link Projects} in a map per organization. A taken slug is refused as the adapter
 * refuses it (a {@link ConflictException} on "slug"); another organization never sees the
 * project.
 */
public final class InMemoryProjects implements Projects {

	private final Map<OrgId, Map<ProjectId, Project>> byOrg = new HashMap<>();

	private final InMemoryEnvironments environments;

	public InMemoryProjects(InMemoryEnvironments environments) {
		this.environments = environments;
	}

	private Map<ProjectId, Project> of(OrgId org) {
		return this.byOrg.computeIfAbsent(org, (o) -> new LinkedHashMap<>());
	}

	@Override
	public void create(OrgId org, Project project) {
		if (findBySlug(org, project.slug()).isPresent() || of(org).containsKey(project.id())) {
			throw new ConflictException("slug", "A project with the slug \"" + project.slug() + "\" already exists.");
		}
		of(org).put(project.id(), project);
	}

	@Override
	public Optional<Project> findBySlug(OrgId org, String slug) {
		return of(org).values().stream().filter((p) -> p.slug().equals(slug)).findFirst();
	}

	@Override
	public Optional<Project> findById(OrgId org, ProjectId id) {
		return Optional.ofNullable(of(org).get(id));
	}

	@Override
	public List<ProjectWithEnvironments> listWithEnvironments(OrgId org) {
		return of(org).values()
			.stream()
			.sorted(Comparator.comparing(Project::name).thenComparing(Project::slug))
			.map((p) -> new ProjectWithEnvironments(p, this.environments.list(org, p.id())))
			.toList();
	}

	@Override
	public void update(OrgId org, Project project, Instant at) {
		Project old = of(org).get(project.id());
		if (old == null) {
			return;
		}
		if (!old.slug().equals(project.slug()) && findBySlug(org, project.slug()).isPresent()) {
			throw new ConflictException("slug", "A project with the slug \"" + project.slug() + "\" already exists.");
		}
		of(org).put(project.id(), project);
	}

	@Override
	public boolean delete(OrgId org, ProjectId id) {
		if (of(org).remove(id) == null) {
			return false;
		}
		this.environments.deleteAllOf(org, id);
		return true;
	}

}
