package app.lockstep.domain.project;

import java.util.List;
import java.util.Optional;

import app.lockstep.domain.shared.InstanceCache;
import app.lockstep.domain.shared.InstanceCaches;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

/**
 * Reads projects and environments for the dashboard, the project page and the API. The
 * list of all of them is kept in this instance's memory per organization until the
 * database says a project or environment changed ({@link InstanceCaches#CONFIGS}): the
 * release board reads it on every view and every poll, 500 rows in a big organization.
 */
@UseCase
public final class ViewProjects {

	private final Projects projects;

	private final Environments environments;

	private final Transactions transactions;

	private final InstanceCache<OrgId, List<ProjectWithEnvironments>> lists;

	public ViewProjects(Projects projects, Environments environments, Transactions transactions,
			InstanceCaches caches) {
		this.projects = projects;
		this.environments = environments;
		this.transactions = transactions;
		this.lists = caches.create("project-lists", 2_000, InstanceCaches.CONFIGS);
	}

	/** Every project with its current environments in promotion order, by name. */
	public List<ProjectWithEnvironments> all(Caller caller) {
		caller.require(Permission.VIEW_PROJECTS);
		OrgId org = caller.orgId();
		return this.lists
			.get(org,
					() -> Optional.of(List
						.copyOf(this.transactions.inTenant(org, () -> this.projects.listWithEnvironments(org)))),
					(list) -> org)
			.orElseThrow();
	}

	public ProjectWithEnvironments project(Caller caller, String projectSlug) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = this.projects.findBySlug(caller.orgId(), projectSlug)
				.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
			return new ProjectWithEnvironments(project, this.environments.list(caller.orgId(), project.id()));
		});
	}

	/**
	 * One environment by name, a deactivated branch environment included (its page and
	 * history stay; the lists leave it out).
	 */
	public Environment environment(Caller caller, String projectSlug, String environmentName) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = this.projects.findBySlug(caller.orgId(), projectSlug)
				.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
			return this.environments.findByName(caller.orgId(), project.id(), environmentName)
				.orElseThrow(() -> new NotFoundException(
						"No environment \"" + environmentName + "\" in " + projectSlug + "."));
		});
	}

}
