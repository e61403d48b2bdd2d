package app.lockstep.domain.window;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;

/** The port for deployment windows: environments' rules and organization-wide freezes. */
public interface DeploymentWindows {

	/**
	 * The environment's saved rules; empty when they were never saved (the default
	 * applies).
	 */
	Optional<SavedWindows> find(OrgId org, EnvironmentId environment);

	/**
	 * The saved rules of these environments (one read); those never saved have no key.
	 */
	default Map<EnvironmentId, SavedWindows> findAll(OrgId org, Collection<EnvironmentId> environments) {
		Map<EnvironmentId, SavedWindows> all = new LinkedHashMap<>();
		for (EnvironmentId environment : environments) {
			find(org, environment).ifPresent((saved) -> all.put(environment, saved));
		}
		return all;
	}

	/** Inserts or replaces the environment's rules. */
	void save(OrgId org, EnvironmentId environment, WindowRules rules, UserId by, String byName, Instant at);

	/** The organization's windows for production environments, if it has them. */
	Optional<OrganizationWindows> organizationWindows(OrgId org);

	void saveOrganizationWindows(OrgId org, OrganizationWindows windows, UserId by);

	void removeOrganizationWindows(OrgId org);

	/** The organization's freezes, by start. */
	List<OrganizationFreeze> organizationFreezes(OrgId org);

	Optional<OrganizationFreeze> findOrganizationFreeze(OrgId org, FreezeId id);

	void addOrganizationFreeze(OrgId org, OrganizationFreeze freeze, UserId by);

	/** Deletes it and returns what it was; empty when there was none. */
	Optional<OrganizationFreeze> removeOrganizationFreeze(OrgId org, FreezeId id);

}
