package app.lockstep.domain.project;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.shared.OrgId;

public interface Projects {

	/**
	 * Inserts it; a taken slug is a {@link app.lockstep.domain.shared.ConflictException}
	 * on "slug".
	 */
	void create(OrgId org, Project project);

	Optional<Project> findBySlug(OrgId org, String slug);

	Optional<Project> findById(OrgId org, ProjectId id);

	/** These projects by id (one read); those that do not exist have no key. */
	default java.util.Map<ProjectId, Project> findAll(OrgId org, java.util.Collection<ProjectId> ids) {
		java.util.Map<ProjectId, Project> all = new java.util.LinkedHashMap<>();
		for (ProjectId id : ids) {
			findById(org, id).ifPresent((project) -> all.put(id, project));
		}
		return all;
	}

	/** Every project with its environments in promotion order, in one query. */
	List<ProjectWithEnvironments> listWithEnvironments(OrgId org);

	void update(OrgId org, Project project, Instant at);

	/**
	 * Deletes the project; whether it was still there (of concurrent deletions, one is).
	 */
	boolean delete(OrgId org, ProjectId id);

}
