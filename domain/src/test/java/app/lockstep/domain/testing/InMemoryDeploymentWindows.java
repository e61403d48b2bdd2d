package app.lockstep.domain.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.window.DeploymentWindows;
import app.lockstep.domain.window.FreezeId;
import app.lockstep.domain.window.OrganizationFreeze;
import app.lockstep.domain.window.SavedWindows;
import app.lockstep.domain.window.WindowRules;

/**
 * Environments' saved window rules and organizations' freezes. With nothing saved, the
 * real {@link app.lockstep.domain.window.WindowCheck} over it applies the defaults (no
 * Friday or weekend deploys on production), exactly as in production.
 */
public final class InMemoryDeploymentWindows implements DeploymentWindows {

	private final Map<OrgId, Map<EnvironmentId, SavedWindows>> saved = new HashMap<>();

	private final Map<OrgId, List<OrganizationFreeze>> freezes = new HashMap<>();

	@Override
	public Optional<SavedWindows> find(OrgId org, EnvironmentId environment) {
		return Optional.ofNullable(this.saved.getOrDefault(org, Map.of()).get(environment));
	}

	@Override
	public void save(OrgId org, EnvironmentId environment, WindowRules rules, UserId by, String byName, Instant at) {
		this.saved.computeIfAbsent(org, (o) -> new HashMap<>()).put(environment, new SavedWindows(rules, at, byName));
	}

	@Override
	public List<OrganizationFreeze> organizationFreezes(OrgId org) {
		return this.freezes.getOrDefault(org, List.of())
			.stream()
			.sorted(Comparator.comparing((OrganizationFreeze f) -> f.freeze().start()))
			.toList();
	}

	@Override
	public Optional<OrganizationFreeze> findOrganizationFreeze(OrgId org, FreezeId id) {
		return this.freezes.getOrDefault(org, List.of()).stream().filter((f) -> f.id().equals(id)).findFirst();
	}

	@Override
	public void addOrganizationFreeze(OrgId org, OrganizationFreeze freeze, UserId by) {
		this.freezes.computeIfAbsent(org, (o) -> new ArrayList<>()).add(freeze);
	}

	@Override
	public Optional<OrganizationFreeze> removeOrganizationFreeze(OrgId org, FreezeId id) {
		Optional<OrganizationFreeze> found = findOrganizationFreeze(org, id);
		found.ifPresent((f) -> this.freezes.get(org).remove(f));
		return found;
	}

	private final java.util.Map<OrgId, app.lockstep.domain.window.OrganizationWindows> organizationWindows = new java.util.HashMap<>();

	@Override
	public java.util.Optional<app.lockstep.domain.window.OrganizationWindows> organizationWindows(OrgId org) {
		return java.util.Optional.ofNullable(this.organizationWindows.get(org));
	}

	@Override
	public void saveOrganizationWindows(OrgId org, app.lockstep.domain.window.OrganizationWindows windows,
			app.lockstep.domain.shared.UserId by) {
		this.organizationWindows.put(org, windows);
	}

	@Override
	public void removeOrganizationWindows(OrgId org) {
		this.organizationWindows.remove(org);
	}

}
