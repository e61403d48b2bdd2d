package app.lockstep.domain.deploy;

import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UseCase;

/**
 * Where deployments live: the project and environment a URL names (or a deployment
 * belongs to), and the deployment of that environment by id. What is not there is a 404.
 * It runs in the caller's transaction.
 */
@UseCase
public final class DeploymentPlaces {

	private final Projects projects;

	private final Environments environments;

	private final Deployments deployments;

	public DeploymentPlaces(Projects projects, Environments environments, Deployments deployments) {
		this.projects = projects;
		this.environments = environments;
		this.deployments = deployments;
	}

	/** The project and environment of a URL. */
	DeploymentPlace place(OrgId org, String projectSlug, String environmentName) {
		Project project = this.projects.findBySlug(org, projectSlug)
			.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
		Environment environment = this.environments.findByName(org, project.id(), environmentName)
			.orElseThrow(
					() -> new NotFoundException("No environment \"" + environmentName + "\" in " + projectSlug + "."));
		return new DeploymentPlace(project, environment);
	}

	/** The place of a deployment found by id (its project and environment). */
	DeploymentPlace placeOf(OrgId org, Deployment deployment) {
		Project project = this.projects.findById(org, deployment.projectId())
			.orElseThrow(() -> new NotFoundException("No project for deployment " + deployment.id()));
		Environment environment = this.environments.findById(org, deployment.environmentId())
			.orElseThrow(() -> new NotFoundException("No environment for deployment " + deployment.id()));
		return new DeploymentPlace(project, environment);
	}

	/**
	 * The places of these deployments that {@code known} does not hold yet, added to it:
	 * two reads (their projects, their environments) for any number.
	 */
	void addPlacesOf(OrgId org, java.util.Collection<Deployment> deployments,
			java.util.Map<EnvironmentId, DeploymentPlace> known) {
		java.util.List<Deployment> missing = deployments.stream()
			.filter((d) -> !known.containsKey(d.environmentId()))
			.toList();
		if (missing.isEmpty()) {
			return;
		}
		var projects = this.projects.findAll(org, missing.stream().map(Deployment::projectId).distinct().toList());
		var environments = this.environments.findAll(org,
				missing.stream().map(Deployment::environmentId).distinct().toList());
		for (Deployment deployment : missing) {
			Project project = projects.get(deployment.projectId());
			Environment environment = environments.get(deployment.environmentId());
			if (project == null || environment == null) {
				throw new NotFoundException("No project or environment for deployment " + deployment.id());
			}
			known.put(environment.id(), new DeploymentPlace(project, environment));
		}
	}

	/** The deployment of this environment, locked; another environment's is a 404. */
	Deployment lock(OrgId org, DeploymentPlace place, DeploymentId id) {
		return this.deployments.lock(org, id)
			.filter((d) -> d.environmentId().equals(place.environment().id()))
			.orElseThrow(() -> new NotFoundException("No deployment " + id + " on " + place.environmentName() + "."));
	}

	/** The deployment of this environment; another environment's is a 404. */
	Deployment find(OrgId org, DeploymentPlace place, DeploymentId id) {
		return this.deployments.find(org, id)
			.filter((d) -> d.environmentId().equals(place.environment().id()))
			.orElseThrow(() -> new NotFoundException("No deployment " + id + " on " + place.environmentName() + "."));
	}

}
