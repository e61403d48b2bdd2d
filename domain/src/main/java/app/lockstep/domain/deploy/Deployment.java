package app.lockstep.domain.deploy;

import java.time.Instant;
import java.util.UUID;

import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A request to put an artifact and a config revision on an environment, and what became
 * of it.
 * <ul>
 * <li>{@code configRevision} is the environment's revision number (null when the
 * environment has no config yet); {@code scheduledAt} null means as soon as allowed.</li>
 * <li>{@code requestVersion} starts at 1 and grows whenever a person changes what is
 * deployed or when (approvals are bound to a version); {@code approvalsRequired} is the
 * gate's count when the request (version) was made, 0 for emergencies.</li>
 * <li>{@code previousArtifact}/{@code previousConfigRevision}: what was live on the
 * environment when it was requested, for the "what would change" view.</li>
 * <li>{@code dueAt}: when the scheduler looks at it next (pending ones);
 * {@code blockedBy} the window rule holding it; {@code deliveryId} the stable id of its
 * delivery to the deploy target (receivers de-duplicate retries by it).</li>
 * </ul>
 */
public record Deployment(DeploymentId id, long seq, ProjectId projectId, EnvironmentId environmentId,
		ArtifactId artifactId, @Nullable Integer configRevision, @Nullable Instant scheduledAt, WhenBlocked whenBlocked,
		@Nullable String note, DeploymentStatus status, boolean emergency, @Nullable String emergencyReason,
		Actor requestedBy, UserId requestedByUser, Instant requestedAt, int requestVersion, int approvalsRequired,
		@Nullable ArtifactId previousArtifactId, @Nullable Integer previousConfigRevision, @Nullable Instant dueAt,
		@Nullable String blockedBy, int dispatchAttempts, @Nullable String lastError, UUID deliveryId,
		@Nullable Instant startedAt, @Nullable Instant deadlineAt, @Nullable Instant finishedAt,
		@Nullable String statusMessage, @Nullable String logUrl, @Nullable Review review, Instant updatedAt) {

	/** Who reviewed an emergency deployment afterwards, and what they said. */
	public record Review(Instant at, UserId by, String byName, String comment) {
	}

	public boolean isConfigOnly() {
		return this.previousArtifactId != null && this.previousArtifactId.equals(this.artifactId);
	}

	public boolean awaitsReview() {
		return this.emergency && this.review == null;
	}

	/** A copy in another status (transition rules are the caller's to check). */
	public Deployment withStatus(DeploymentStatus next, Instant at) {
		return new Deployment(this.id, this.seq, this.projectId, this.environmentId, this.artifactId,
				this.configRevision, this.scheduledAt, this.whenBlocked, this.note, next, this.emergency,
				this.emergencyReason, this.requestedBy, this.requestedByUser, this.requestedAt, this.requestVersion,
				this.approvalsRequired, this.previousArtifactId, this.previousConfigRevision, this.dueAt,
				this.blockedBy, this.dispatchAttempts, this.lastError, this.deliveryId, this.startedAt, this.deadlineAt,
				this.finishedAt, this.statusMessage, this.logUrl, this.review, at);
	}

	/** A copy due at {@code dueAt}, held by {@code blockedBy} (null when not held). */
	public Deployment withDue(@Nullable Instant dueAt, @Nullable String blockedBy) {
		return new Deployment(this.id, this.seq, this.projectId, this.environmentId, this.artifactId,
				this.configRevision, this.scheduledAt, this.whenBlocked, this.note, this.status, this.emergency,
				this.emergencyReason, this.requestedBy, this.requestedByUser, this.requestedAt, this.requestVersion,
				this.approvalsRequired, this.previousArtifactId, this.previousConfigRevision, dueAt, blockedBy,
				this.dispatchAttempts, this.lastError, this.deliveryId, this.startedAt, this.deadlineAt,
				this.finishedAt, this.statusMessage, this.logUrl, this.review, this.updatedAt);
	}

	/** A copy after a failed delivery attempt. */
	public Deployment withAttempt(int attempts, @Nullable String lastError) {
		return new Deployment(this.id, this.seq, this.projectId, this.environmentId, this.artifactId,
				this.configRevision, this.scheduledAt, this.whenBlocked, this.note, this.status, this.emergency,
				this.emergencyReason, this.requestedBy, this.requestedByUser, this.requestedAt, this.requestVersion,
				this.approvalsRequired, this.previousArtifactId, this.previousConfigRevision, this.dueAt,
				this.blockedBy, attempts, lastError, this.deliveryId, this.startedAt, this.deadlineAt, this.finishedAt,
				this.statusMessage, this.logUrl, this.review, this.updatedAt);
	}

	/** A copy started at {@code at}, to be finished by {@code deadline}. */
	public Deployment withStarted(Instant at, Instant deadline) {
		return new Deployment(this.id, this.seq, this.projectId, this.environmentId, this.artifactId,
				this.configRevision, this.scheduledAt, this.whenBlocked, this.note, DeploymentStatus.RUNNING,
				this.emergency, this.emergencyReason, this.requestedBy, this.requestedByUser, this.requestedAt,
				this.requestVersion, this.approvalsRequired, this.previousArtifactId, this.previousConfigRevision, null,
				null, this.dispatchAttempts, this.lastError, this.deliveryId, at, deadline, this.finishedAt,
				this.statusMessage, this.logUrl, this.review, at);
	}

	/**
	 * A copy finished ({@code succeeded} or {@code failed}) with the reporter's words.
	 */
	public Deployment withFinished(DeploymentStatus end, Instant at, @Nullable String message,
			@Nullable String logUrl) {
		return new Deployment(this.id, this.seq, this.projectId, this.environmentId, this.artifactId,
				this.configRevision, this.scheduledAt, this.whenBlocked, this.note, end, this.emergency,
				this.emergencyReason, this.requestedBy, this.requestedByUser, this.requestedAt, this.requestVersion,
				this.approvalsRequired, this.previousArtifactId, this.previousConfigRevision, null, null,
				this.dispatchAttempts, this.lastError, this.deliveryId, this.startedAt, null, at, message,
				(logUrl != null) ? logUrl : this.logUrl, this.review, at);
	}

	/** A copy with a reporter's progress message while running. */
	public Deployment withProgress(Instant at, @Nullable String message, @Nullable String logUrl) {
		return new Deployment(this.id, this.seq, this.projectId, this.environmentId, this.artifactId,
				this.configRevision, this.scheduledAt, this.whenBlocked, this.note, this.status, this.emergency,
				this.emergencyReason, this.requestedBy, this.requestedByUser, this.requestedAt, this.requestVersion,
				this.approvalsRequired, this.previousArtifactId, this.previousConfigRevision, this.dueAt,
				this.blockedBy, this.dispatchAttempts, this.lastError, this.deliveryId, this.startedAt, this.deadlineAt,
				this.finishedAt, (message != null) ? message : this.statusMessage,
				(logUrl != null) ? logUrl : this.logUrl, this.review, at);
	}

	/**
	 * A copy that deploys something else or at another time: a new request version, which
	 * voids the approvals given to the old one.
	 */
	public Deployment withChangedRequest(ArtifactId artifact, @Nullable Integer revision, @Nullable Instant scheduledAt,
			int approvalsRequired, DeploymentStatus status, Instant at) {
		return new Deployment(this.id, this.seq, this.projectId, this.environmentId, artifact, revision, scheduledAt,
				this.whenBlocked, this.note, status, this.emergency, this.emergencyReason, this.requestedBy,
				this.requestedByUser, this.requestedAt, this.requestVersion + 1, approvalsRequired,
				this.previousArtifactId, this.previousConfigRevision, this.dueAt, this.blockedBy, this.dispatchAttempts,
				this.lastError, this.deliveryId, this.startedAt, this.deadlineAt, this.finishedAt, this.statusMessage,
				this.logUrl, this.review, at);
	}

	public Deployment withReview(Review review) {
		return new Deployment(this.id, this.seq, this.projectId, this.environmentId, this.artifactId,
				this.configRevision, this.scheduledAt, this.whenBlocked, this.note, this.status, this.emergency,
				this.emergencyReason, this.requestedBy, this.requestedByUser, this.requestedAt, this.requestVersion,
				this.approvalsRequired, this.previousArtifactId, this.previousConfigRevision, this.dueAt,
				this.blockedBy, this.dispatchAttempts, this.lastError, this.deliveryId, this.startedAt, this.deadlineAt,
				this.finishedAt, this.statusMessage, this.logUrl, review, review.at());
	}

}
