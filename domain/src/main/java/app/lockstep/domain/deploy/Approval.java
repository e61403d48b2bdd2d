package app.lockstep.domain.deploy;

import java.time.Instant;
import java.util.UUID;

import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.access.Role;
import org.jspecify.annotations.Nullable;

/**
 * One person's decision on one version of a deployment request, bound to exactly what
 * that version deploys (artifact, config revision, environment, schedule). It counts only
 * while the request is still at that version and until {@code expiresAt}.
 */
public record Approval(UUID id, DeploymentId deploymentId, int requestVersion, Decision decision, UserId approverId,
		String approverName, Role approverRole, @Nullable UUID viaToken, @Nullable String comment, boolean selfApproved,
		ArtifactId artifactId, @Nullable Integer configRevision, EnvironmentId environmentId,
		@Nullable Instant scheduledAt, Instant decidedAt, Instant expiresAt) {

	public enum Decision {

		APPROVE, REJECT;

		public String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * Whether it counts towards the deployment's gate at {@code now}: an approval of the
	 * deployment's current version, not expired.
	 */
	public boolean countsFor(Deployment deployment, Instant now) {
		return this.decision == Decision.APPROVE && this.requestVersion == deployment.requestVersion()
				&& now.isBefore(this.expiresAt);
	}

	/** Given to an earlier version of the request, which a person since changed. */
	public boolean isVoidedBy(Deployment deployment) {
		return this.requestVersion != deployment.requestVersion();
	}

}
