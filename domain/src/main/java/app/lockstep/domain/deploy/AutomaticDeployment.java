package app.lockstep.domain.deploy;

import java.time.Instant;

import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.project.EnvironmentId;
import org.jspecify.annotations.Nullable;

/**
 * What one automatic trigger became: the build, the ref that brought it (and who pushed
 * it, when known), and the request it made or why it was refused.
 */
public record AutomaticDeployment(EnvironmentId environment, ArtifactId artifact, String version, String ref,
		@Nullable String pushedBy, Outcome outcome, String detail, @Nullable DeploymentId deployment,
		Instant createdAt) {

	public enum Outcome {

		REQUESTED, REFUSED

	}

}
