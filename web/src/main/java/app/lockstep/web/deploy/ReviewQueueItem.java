package app.lockstep.web.deploy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentPlace;
import app.lockstep.domain.deploy.ReviewEmergency;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import org.jspecify.annotations.Nullable;

/**
 * One emergency deployment in the review queue as its card shows it: why the glass was
 * broken, by whom and when, whether it is overdue (unreviewed longer than
 * {@link ReviewEmergency#FLAG_AFTER}), whether the viewer may review it, and after a
 * review its result or the refusal beside the comment.
 */
record ReviewQueueItem(ViewDeployments.Summary summary, String domId, String requestedAt, String requestedAgo,
		boolean overdue, String unreviewedFor, boolean mayReview, @Nullable String reviewNote, String deploymentUrl,
		String reviewUrl, @Nullable String result, Map<String, String> errors, @Nullable String comment) {

	static ReviewQueueItem of(ViewDeployments.Summary summary, Caller caller, Instant now) {
		Deployment deployment = summary.deployment();
		DeploymentPlace place = summary.place();
		ZoneId zone = place.environment().timeZone();
		String org = caller.organization().slug();
		Duration age = Duration.between(deployment.requestedAt(), now);
		boolean own = deployment.requestedByUser().equals(caller.userId());
		boolean approver = caller.can(Permission.APPROVE_DEPLOYMENTS);
		String note = null;
		if (deployment.review() == null && !approver) {
			note = "Leads, admins and owners review emergencies.";
		}
		else if (deployment.review() == null && own) {
			note = "You broke the glass on this deployment: another lead, admin or owner reviews it.";
		}
		return new ReviewQueueItem(summary, "emergency-" + deployment.id(),
				QueueTimes.at(deployment.requestedAt(), zone), QueueTimes.ago(deployment.requestedAt(), now),
				deployment.review() == null && overdue(deployment, now), QueueTimes.length(age),
				deployment.review() == null && approver && !own, note,
				"/orgs/" + org + "/projects/" + place.projectSlug() + "/environments/" + place.environmentName()
						+ "/deployments/" + deployment.id(),
				"/orgs/" + org + "/reviews/" + place.projectSlug() + "/" + place.environmentName() + "/"
						+ deployment.id(),
				null, Map.of(), null);
	}

	/** "Unreviewed for 3 days", the overdue badge's title. */
	public String unreviewedTitle() {
		return "Unreviewed for " + this.unreviewedFor;
	}

	/** "(3 days ago)", after the time of the request. */
	public String requestedAgoNote() {
		return "(" + this.requestedAgo + ")";
	}

	/** The line above the queue saying how many emergencies are overdue for review. */
	static String overdueNote(long overdue) {
		return (overdue == 1) ? "1 emergency deployment has been unreviewed for more than 48 hours."
				: overdue + " emergency deployments have been unreviewed for more than 48 hours.";
	}

	/** Unreviewed longer than {@link ReviewEmergency#FLAG_AFTER}. */
	static boolean overdue(Deployment deployment, Instant now) {
		return deployment.awaitsReview() && deployment.requestedAt().plus(ReviewEmergency.FLAG_AFTER).isBefore(now);
	}

	ReviewQueueItem with(@Nullable String result, Map<String, String> errors, @Nullable String comment) {
		return new ReviewQueueItem(this.summary, this.domId, this.requestedAt, this.requestedAgo, this.overdue,
				this.unreviewedFor, this.mayReview, this.reviewNote, this.deploymentUrl, this.reviewUrl, result, errors,
				comment);
	}

}
