package app.lockstep.domain.project;

import java.util.List;

import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

/** Reads projects and environments for the dashboard, the project page and the API. */
@UseCase
public final class ViewProjects {

	private final Projects projects;

	private final Environments environments;

	private final Transactions transactions;

	public ViewProjects(Projects projects, Environments environments, Transactions transactions) {
		this.projects = projects;
		this.environments = environments;
		this.transactions = transactions;
	}

	public List<ProjectWithEnvironments> all(Caller caller) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> this.projects.listWithEnvironments(caller.orgId()));
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
