package app.lockstep.domain.deploy;

import java.time.Instant;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import org.jspecify.annotations.Nullable;

/**
 * Cancels a deployment that has not started (awaiting approval, scheduled or waiting for
 * its window); one that is running or finished is a 409. The row lock makes cancel and
 * the scheduler's start exclusive: whichever comes first wins, and a cancelled deployment
 * never runs (the database refuses the transition too).
 */
public final class CancelDeployment {

	private final DeploymentSupport support;

	public CancelDeployment(DeploymentSupport support) {
		this.support = support;
	}

	public Deployment cancel(Caller caller, String projectSlug, String environmentName, DeploymentId id,
			@Nullable String reason) {
		caller.require(Permission.REQUEST_DEPLOYMENTS);
		OrgId org = caller.orgId();
		Instant now = this.support.now();
		String why = RequestDeployment.trimToNull(reason);
		return this.support.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.support.place(org, projectSlug, environmentName);
			Deployment deployment = this.support.lock(org, place, id);
			if (!deployment.status().canBecome(DeploymentStatus.CANCELLED)) {
				throw new StatusConflictException(deployment.status(), "be cancelled");
			}
			this.support.requireNotBeingDelivered(org, deployment, now);
			Deployment cancelled = deployment.withStatus(DeploymentStatus.CANCELLED, now).withDue(null, null);
			this.support.update(org, cancelled);
			this.support.audit(org, caller.actor(), "cancelled", cancelled, place,
					(e) -> e.detail("reason", why).detail("previousStatus", deployment.status().value()));
			return cancelled;
		});
	}

}
