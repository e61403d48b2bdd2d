package app.lockstep.domain.deploy;

import app.lockstep.domain.notify.Notice;
import app.lockstep.domain.notify.NotificationEvent;
import app.lockstep.domain.notify.Notify;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Turns a deployment's recorded events into notices for the channels listening: a request
 * awaiting approval, queued for its window, rejected or refused, an emergency, a failure
 * or a success. Called where the event is audited, in the same transaction.
 */
@UseCase
public final class DeploymentNotices {

	private final Notify notify;

	public DeploymentNotices(Notify notify) {
		this.notify = notify;
	}

	/** After {@code deployment.<event>} was appended for the deployment. */
	void recorded(OrgId org, Actor actor, String event, Deployment deployment, DeploymentPlace place, String artifact) {
		NotificationEvent kind = kindOf(event, deployment);
		if (kind == null) {
			return;
		}
		String what = artifact + " to " + place.projectSlug() + "/" + place.environmentName();
		String subject = switch (kind) {
			case APPROVAL_NEEDED -> "Approval needed: " + what;
			case REQUEST_QUEUED -> "Queued for its window: " + what;
			case REQUEST_BLOCKED -> "Request rejected: " + what;
			case EMERGENCY -> "Emergency deployment: " + what;
			case DEPLOYMENT_FAILED -> "Deployment failed: " + what;
			default -> "Deployed: " + what;
		};
		String body = switch (kind) {
			case APPROVAL_NEEDED ->
				actor.name() + " asks to deploy " + what + ". It needs " + deployment.approvalsRequired() + " approval"
						+ ((deployment.approvalsRequired() == 1) ? "" : "s") + ".";
			case REQUEST_QUEUED -> "It waits for the deployment window to open"
					+ ((deployment.blockedBy() != null) ? " (" + deployment.blockedBy() + ")" : "") + "; next try at "
					+ deployment.dueAt() + ".";
			case REQUEST_BLOCKED -> actor.name() + " rejected the request.";
			case EMERGENCY -> actor.name() + " deployed as an emergency, bypassing approvals and windows. Reason: "
					+ deployment.emergencyReason();
			case DEPLOYMENT_FAILED ->
				"It failed" + ((deployment.statusMessage() != null) ? ": " + deployment.statusMessage() : ".");
			default -> "It finished successfully"
					+ ((deployment.statusMessage() != null) ? ": " + deployment.statusMessage() : ".");
		};
		this.notify.publish(org, deployment.projectId(), new Notice(kind, subject, body,
				link(place, deployment.id().toString()), place.projectSlug(), place.environmentName()));
	}

	/**
	 * An automatic deployment was refused (the window was closed and its rule says so).
	 */
	void automaticRefused(OrgId org, DeploymentPlace place, String artifact, String trigger, String why) {
		String what = artifact + " to " + place.projectSlug() + "/" + place.environmentName();
		this.notify.publish(org, place.project().id(),
				new Notice(NotificationEvent.REQUEST_BLOCKED, "Automatic deployment refused: " + what,
						"The " + trigger + " build was not deployed: " + why,
						"projects/" + place.projectSlug() + "/environments/" + place.environmentName(),
						place.projectSlug(), place.environmentName()));
	}

	private static @Nullable NotificationEvent kindOf(String event, Deployment deployment) {
		return switch (event) {
			case "requested" -> deployment.emergency() ? NotificationEvent.EMERGENCY
					: (deployment.status() == DeploymentStatus.AWAITING_APPROVAL) ? NotificationEvent.APPROVAL_NEEDED
							: null;
			case "waiting_for_window" -> NotificationEvent.REQUEST_QUEUED;
			case "rejected" -> NotificationEvent.REQUEST_BLOCKED;
			case "failed" -> NotificationEvent.DEPLOYMENT_FAILED;
			case "succeeded" -> NotificationEvent.DEPLOYMENT_SUCCEEDED;
			default -> null;
		};
	}

	/** The deployment's page, relative to the organization's pages. */
	static String link(DeploymentPlace place, String deploymentId) {
		return "projects/" + place.projectSlug() + "/environments/" + place.environmentName() + "/deployments/"
				+ deploymentId;
	}

}
