package app.lockstep.domain.config;

import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * The project and (unless the project's shared variables are meant) environment a config
 * belongs to.
 */
public record ConfigTarget(Project project, @Nullable Environment environment) {

	public ConfigScope scope() {
		return new ConfigScope(this.project.id(), (this.environment != null) ? this.environment.id() : null);
	}

	public @Nullable String environmentName() {
		return (this.environment != null) ? this.environment.name() : null;
	}

	/** Resolves slugs inside a tenant-bound transaction; unknown ones are a 404. */
	public static ConfigTarget resolve(Projects projects, Environments environments, OrgId org, String projectSlug,
			@Nullable String environmentName) {
		Project project = projects.findBySlug(org, projectSlug)
			.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
		if (environmentName == null) {
			return new ConfigTarget(project, null);
		}
		Environment environment = environments.findByName(org, project.id(), environmentName)
			.orElseThrow(
					() -> new NotFoundException("No environment \"" + environmentName + "\" in " + projectSlug + "."));
		return new ConfigTarget(project, environment);
	}

}
