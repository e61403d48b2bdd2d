package app.lockstep.domain.config;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import org.jspecify.annotations.Nullable;

/**
 * Whose config: one environment's, or (environment null) the project's shared variables.
 */
public record ConfigScope(ProjectId project, @Nullable EnvironmentId environment) {

	public boolean isProject() {
		return this.environment == null;
	}

}
