package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Instant;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Reviews an emergency deployment after the fact: a lead, admin or owner other than the
 * one who broke the glass writes what they found. Unreviewed emergencies stay in the
 * review queue, and those older than {@link #FLAG_AFTER} are flagged on the dashboard.
 */
@UseCase
public final class ReviewEmergency {

	public static final java.time.Duration FLAG_AFTER = java.time.Duration.ofHours(48);

	private final DeploymentPlaces places;

	private final DeploymentUpdates updates;

	private final Transactions transactions;

	private final Clock clock;

	public ReviewEmergency(DeploymentPlaces places, DeploymentUpdates updates, Transactions transactions, Clock clock) {
		this.places = places;
		this.updates = updates;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Deployment review(Caller caller, String projectSlug, String environmentName, DeploymentId id,
			@Nullable String comment) {
		caller.require(Permission.APPROVE_DEPLOYMENTS);
		String text = RequestDeployment.trimToNull(comment);
		if (text == null) {
			throw new ValidationException("comment",
					"Write what you checked: was the emergency real, and what follows from it?");
		}
		if (text.length() > DecideOnDeployment.MAX_COMMENT) {
			throw new ValidationException("comment",
					"Keep the review to " + DecideOnDeployment.MAX_COMMENT + " characters or fewer.");
		}
		OrgId org = caller.orgId();
		Instant now = this.clock.instant();
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			Deployment deployment = this.places.lock(org, place, id);
			if (!deployment.emergency()) {
				throw new ConflictException("This was not an emergency deployment; only emergencies are reviewed.");
			}
			if (deployment.review() != null) {
				throw new ConflictException("This emergency was reviewed already by " + deployment.review().byName()
						+ " at " + deployment.review().at() + ".");
			}
			if (deployment.requestedByUser().equals(caller.userId())) {
				throw new ForbiddenException(
						"You broke the glass on this deployment; another lead, admin or owner has to review it.");
			}
			Deployment reviewed = deployment
				.withReview(new Deployment.Review(now, caller.userId(), caller.name(), text));
			this.updates.update(org, reviewed);
			this.updates.audit(org, caller.actor(), "reviewed", reviewed, place,
					(e) -> e.detail("comment", text).detail("reason", deployment.emergencyReason()));
			return reviewed;
		});
	}

}
