package app.lockstep.domain.deploy;

import java.time.Instant;
import java.util.Objects;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.window.WindowChanges;
import app.lockstep.domain.window.WindowCheck;
import app.lockstep.domain.window.WindowDecision;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * When windows change, every deployment waiting for them is decided again with the new
 * rules, in the same transaction: one whose window is now open becomes {@code scheduled}
 * and due at once (not before its own scheduled time), so the scheduler starts it within
 * one poll; one still blocked keeps waiting, with the new rule and next open instant when
 * they changed (each change an audit event; nothing is written when nothing changed). A
 * window that closes again before the scheduler gets to it holds it again at run time,
 * where the windows are always checked once more.
 */
@UseCase
public final class RecheckWaitingDeployments implements WindowChanges {

	private final Deployments deployments;

	private final DeploymentPlaces places;

	private final WindowCheck windows;

	private final DeploymentUpdates updates;

	public RecheckWaitingDeployments(Deployments deployments, DeploymentPlaces places, WindowCheck windows,
			DeploymentUpdates updates) {
		this.deployments = deployments;
		this.places = places;
		this.windows = windows;
		this.updates = updates;
	}

	@Override
	public void changed(OrgId org, @Nullable EnvironmentId environment, Actor actor, Instant now) {
		for (Deployment waiting : this.deployments.lockWaiting(org, environment)) {
			if (this.deployments.claimedAt(org, waiting.id(), now)) {
				// Being handed to its deployer right now: the window was open.
				continue;
			}
			DeploymentPlace place = this.places.placeOf(org, waiting);
			Instant at = (waiting.scheduledAt() != null && waiting.scheduledAt().isAfter(now)) ? waiting.scheduledAt()
					: now;
			WindowDecision decision = this.windows.check(org, place.environment(), at);
			Readiness readiness = Readiness.of(at, waiting.emergency(), decision);
			if (readiness.status() == waiting.status() && Objects.equals(readiness.dueAt(), waiting.dueAt())
					&& Objects.equals(readiness.blockedBy(), waiting.blockedBy())) {
				continue;
			}
			Deployment decided = waiting.withStatus(readiness.status(), now)
				.withDue(readiness.dueAt(), readiness.blockedBy());
			this.updates.update(org, decided);
			this.updates.auditReadiness(org, actor, decided, place);
		}
	}

}
