package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Instant;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Cancels a deployment that has not started (awaiting approval, scheduled or waiting for
 * its window); one that is running or finished is a 409. The row lock makes cancel and
 * the scheduler's start exclusive: whichever comes first wins, and a cancelled deployment
 * never runs (the database refuses the transition too).
 */
@UseCase
public final class CancelDeployment {

	private final DeploymentPlaces places;

	private final DeploymentUpdates updates;

	private final Transactions transactions;

	private final Clock clock;

	public CancelDeployment(DeploymentPlaces places, DeploymentUpdates updates, Transactions transactions,
			Clock clock) {
		this.places = places;
		this.updates = updates;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Deployment cancel(Caller caller, String projectSlug, String environmentName, DeploymentId id,
			@Nullable String reason) {
		caller.require(Permission.REQUEST_DEPLOYMENTS);
		OrgId org = caller.orgId();
		Instant now = this.clock.instant();
		String why = RequestDeployment.trimToNull(reason);
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			Deployment deployment = this.places.lock(org, place, id);
			if (!deployment.status().canBecome(DeploymentStatus.CANCELLED)) {
				throw new StatusConflictException(deployment.status(), "be cancelled");
			}
			this.updates.requireNotBeingDelivered(org, deployment, now);
			Deployment cancelled = deployment.withStatus(DeploymentStatus.CANCELLED, now).withDue(null, null);
			this.updates.update(org, cancelled);
			this.updates.audit(org, caller.actor(), "cancelled", cancelled, place,
					(e) -> e.detail("reason", why).detail("previousStatus", deployment.status().value()));
			return cancelled;
		});
	}

}
