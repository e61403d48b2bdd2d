package app.lockstep.domain.project;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.shared.OrgId;

public interface Environments {

	/**
	 * Inserts it; a taken name is a {@link app.lockstep.domain.shared.ConflictException}
	 * on "name".
	 */
	void create(OrgId org, Environment environment, Instant at);

	/**
	 * The project's environments in promotion order, locked until the transaction ends
	 * (for reordering).
	 */
	List<Environment> listForUpdate(OrgId org, ProjectId project);

	/**
	 * The project's current environments in promotion order: deactivated branch
	 * environments are left out (found by name or id, they keep their page and history).
	 */
	List<Environment> list(OrgId org, ProjectId project);

	Optional<Environment> findByName(OrgId org, ProjectId project, String name);

	Optional<Environment> findById(OrgId org, EnvironmentId id);

	/** These environments by id (one read); those that do not exist have no key. */
	default Map<EnvironmentId, Environment> findAll(OrgId org, Collection<EnvironmentId> ids) {
		Map<EnvironmentId, Environment> all = new LinkedHashMap<>();
		for (EnvironmentId id : ids) {
			findById(org, id).ifPresent((environment) -> all.put(id, environment));
		}
		return all;
	}

	void update(OrgId org, Environment environment, Instant at);

	void delete(OrgId org, EnvironmentId id);

}
