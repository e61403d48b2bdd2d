package app.lockstep.domain.insight;

import java.time.Duration;
import java.time.Instant;

import app.lockstep.domain.deploy.DeploymentId;
import org.jspecify.annotations.Nullable;

/**
 * One finished deployment as the metrics read it: where, what, when it finished, whether
 * it succeeded, whether it was a change failure (failed, or followed soon by an
 * emergency, a redeploy of the previous version or a rollback) and why, its lead time
 * (median of its commits' times from commit to success) and, for a failure, the time to
 * restore.
 */
public record DoraDeployment(DeploymentId id, String project, String environment, String version, Instant finishedAt,
		boolean succeeded, boolean changeFailure, @Nullable String failureReason, int commits,
		@Nullable Duration leadTime, @Nullable Duration timeToRestore) {
}
