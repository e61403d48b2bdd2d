package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Instant;

import app.lockstep.domain.notify.Notice;
import app.lockstep.domain.notify.NotificationEvent;
import app.lockstep.domain.notify.Notify;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;

/**
 * Tells the channels listening about emergency deployments still unreviewed
 * {@link ReviewEmergency#FLAG_AFTER} after they were made: once per deployment and
 * channel, however often and on however many instances the check runs.
 */
@UseCase
public final class ReviewDueNotices {

	private final Deployments deployments;

	private final DeploymentPlaces places;

	private final Notify notify;

	private final Transactions transactions;

	private final Clock clock;

	public ReviewDueNotices(Deployments deployments, DeploymentPlaces places, Notify notify, Transactions transactions,
			Clock clock) {
		this.deployments = deployments;
		this.places = places;
		this.notify = notify;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Raises the notices now due; how many deliveries were enqueued. */
	public int raise() {
		Instant flagged = this.clock.instant().minus(ReviewEmergency.FLAG_AFTER);
		int enqueued = 0;
		for (OrgId org : this.notify.organizationsListeningTo(NotificationEvent.REVIEW_DUE)) {
			enqueued += this.transactions.inTenant(org, () -> {
				int count = 0;
				for (Deployment deployment : this.deployments.unreviewedEmergencies(org)) {
					if (deployment.requestedAt().isAfter(flagged)) {
						continue;
					}
					DeploymentPlace place = this.places.placeOf(org, deployment);
					String where = place.projectSlug() + "/" + place.environmentName();
					Notice notice = new Notice(NotificationEvent.REVIEW_DUE,
							"Review due: emergency deployment to " + where,
							"The emergency deployment " + deployment.requestedBy().name() + " made to " + where + " on "
									+ deployment.requestedAt() + " is still unreviewed. Reason given: "
									+ deployment.emergencyReason(),
							DeploymentNotices.link(place, deployment.id().toString()), place.projectSlug(),
							place.environmentName());
					count += this.notify.publish(org, deployment.projectId(), notice, "review-due:" + deployment.id());
				}
				return count;
			});
		}
		return enqueued;
	}

}
