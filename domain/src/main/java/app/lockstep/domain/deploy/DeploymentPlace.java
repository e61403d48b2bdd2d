package app.lockstep.domain.deploy;

import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Project;

/** The project and environment a deployment belongs to, resolved from the URL. */
public record DeploymentPlace(Project project, Environment environment) {

	public String projectSlug() {
		return this.project.slug();
	}

	public String environmentName() {
		return this.environment.name();
	}

}
