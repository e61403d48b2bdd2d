package app.lockstep.domain.deploy;

import java.time.Instant;
import java.util.function.Consumer;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Writes a deployment's new state and its audit event ({@code deployment.<event>}, with
 * its artifact version, config revision and status), and refuses to change one that is
 * being handed to its deployer. It runs in the caller's transaction.
 */
@UseCase
public final class DeploymentUpdates {

	private final Deployments deployments;

	private final AuditLog auditLog;

	private final KnownArtifacts artifacts;

	private final DeploymentNotices notices;

	public DeploymentUpdates(Deployments deployments, AuditLog auditLog, KnownArtifacts artifacts,
			DeploymentNotices notices) {
		this.deployments = deployments;
		this.auditLog = auditLog;
		this.artifacts = artifacts;
		this.notices = notices;
	}

	/** Writes the deployment's new state (a refused transition is a 409). */
	void update(OrgId org, Deployment deployment) {
		try {
			this.deployments.update(org, deployment);
		}
		catch (Deployments.IllegalTransitionException ex) {
			throw new StatusConflictException(
					DeploymentStatus.fromValue(ex.current()).orElse(DeploymentStatus.CANCELLED),
					"become " + deployment.status().value());
		}
	}

	/**
	 * Appends {@code deployment.<event>} for the deployment, with its artifact, revision
	 * and status, plus what {@code details} adds, and raises the notice the event calls
	 * for (see {@link DeploymentNotices}).
	 */
	void audit(OrgId org, Actor actor, String event, Deployment deployment, DeploymentPlace place,
			Consumer<AuditEntry.Builder> details) {
		String artifact = this.artifacts.version(org, deployment.artifactId());
		AuditEntry.Builder entry = AuditEntry.of("deployment." + event, "deployment", deployment.id().toString())
			.project(place.projectSlug())
			.environment(place.environmentName())
			.detail("artifact", artifact)
			.detail("configRevision", deployment.configRevision())
			.detail("status", deployment.status().value());
		if (deployment.emergency()) {
			entry.detail("emergency", true);
		}
		details.accept(entry);
		this.auditLog.append(org, actor, entry.build());
		this.notices.recorded(org, actor, event, deployment, place, artifact);
	}

	/** Appends the event of moving into a pending status (scheduled or waiting). */
	void auditReadiness(OrgId org, Actor actor, Deployment deployment, DeploymentPlace place) {
		if (deployment.status() == DeploymentStatus.WAITING_FOR_WINDOW) {
			audit(org, actor, "waiting_for_window", deployment, place,
					(e) -> e.detail("blockedBy", deployment.blockedBy()).detail("nextOpenAt", str(deployment.dueAt())));
		}
		else if (deployment.status() == DeploymentStatus.SCHEDULED) {
			audit(org, actor, "scheduled", deployment, place, (e) -> e.detail("dueAt", str(deployment.dueAt())));
		}
	}

	/**
	 * Refuses (409) to change a deployment a dispatcher is handing to its deployer right
	 * now: in a moment it is running, or due again.
	 */
	void requireNotBeingDelivered(OrgId org, Deployment deployment, Instant now) {
		if (deployment.status().isPending() && this.deployments.claimedAt(org, deployment.id(), now)) {
			throw new DeliveryInProgressException(deployment.status());
		}
	}

	static @Nullable String str(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
