package app.lockstep.domain.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

public interface ConfigRevisions {

	/**
	 * Locks the environment (or project) row until the transaction ends, so saves to one
	 * config are serialised and "is my base still the latest?" is answered reliably.
	 */
	void lock(OrgId org, ConfigScope scope);

	Optional<ConfigRevision> latest(OrgId org, ConfigScope scope);

	/**
	 * The latest revision's number, 0 when there is none (one index lookup, no
	 * variables).
	 */
	int latestNumber(OrgId org, ConfigScope scope);

	Optional<ConfigRevision> find(OrgId org, ConfigScope scope, int number);

	/** A revision asked for by its scope and number. */
	record Numbered(ConfigScope scope, int number) {
	}

	/**
	 * The revisions asked for that exist, in any order: one read for many (a report of
	 * many deployments and their config changes).
	 */
	default List<ConfigRevision> findAll(OrgId org, Collection<Numbered> wanted) {
		List<ConfigRevision> found = new java.util.ArrayList<>();
		for (Numbered numbered : wanted) {
			find(org, numbered.scope(), numbered.number()).ifPresent(found::add);
		}
		return found;
	}

	/**
	 * Newest first, the revisions numbered below {@code beforeNumber} (all when null).
	 */
	List<ConfigRevision> history(OrgId org, ConfigScope scope, @Nullable Integer beforeNumber, int limit);

	/**
	 * Inserts the revision. When its number is taken (someone saved from the same base
	 * first) this throws {@link RevisionTakenException} and nothing is written.
	 */
	void insert(OrgId org, ConfigRevision revision);

	/**
	 * The latest revision of every environment of the project (environments without one
	 * are absent).
	 */
	Map<EnvironmentId, ConfigRevision> latestPerEnvironment(OrgId org, ProjectId project);

	/**
	 * The latest revision of every scope of these projects (each environment, and each
	 * project's shared variables) that has one, in a few queries whatever the number of
	 * projects: what a page showing many of them reads.
	 */
	Map<ConfigScope, ConfigRevision> latestPerScope(OrgId org, Collection<ProjectId> projects);

	final class RevisionTakenException extends RuntimeException {

		public RevisionTakenException() {
			super("A revision with this number exists already");
		}

	}

}
