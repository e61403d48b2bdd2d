package app.lockstep.web.deploy;

import java.util.List;

import app.lockstep.domain.deploy.DeploymentPlace;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.web.shared.ZoneTimes;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The deployments card of the environment page
 * ({@code templates/deploy/fragments/environment-card}): other features' controllers ask
 * this for the model attribute the fragment reads ({@code deployments}).
 */
@Component
public class DeploymentCard {

	/** How many finished deployments the card lists. */
	static final int RECENT = 10;

	private final ViewDeployments viewDeployments;

	DeploymentCard(ViewDeployments viewDeployments) {
		this.viewDeployments = viewDeployments;
	}

	/**
	 * What the card shows: the live deployment, those in flight, the last finished ones
	 * and the pair "redeploy previous" would bring back.
	 */
	public record View(ViewDeployments.EnvironmentView environment, ZoneTimes times,
			List<ViewDeployments.Summary> inFlight, List<ViewDeployments.Summary> recent,
			ViewDeployments.@Nullable Summary live, ViewDeployments.@Nullable Summary previous, boolean canRequest,
			boolean canManage, String orgSlug) {

		/**
		 * What the card shows of the environment's deployments (each one's status and
		 * last change), for the card to ask whether anything moved on.
		 */
		public String liveToken() {
			StringBuilder text = new StringBuilder();
			for (ViewDeployments.Summary summary : this.environment.recent()) {
				text.append(summary.deployment().id())
					.append(':')
					.append(summary.status().value())
					.append(':')
					.append(summary.deployment().updatedAt().toEpochMilli())
					.append(';');
			}
			return Integer.toHexString(text.toString().hashCode());
		}

		/** "1.4.1 · rev 6", how the redeploy button names the previous pair. */
		public String previousLabel() {
			if (this.previous == null) {
				return "";
			}
			return this.previous.artifactVersion() + ((this.previous.deployment().configRevision() != null)
					? " · rev " + this.previous.deployment().configRevision() : "");
		}

		public String redeployLabel() {
			return "Redeploy previous (" + previousLabel() + ")";
		}

		public String settingsLabel() {
			return this.canManage ? "Settings" : "Gate and target";
		}

		/** " · config rev 7", after the live version. */
		public String liveRevision() {
			return (this.live != null) ? " · config rev " + this.live.deployment().configRevision() : "";
		}

		/** " · rev 8", after a listed deployment's version. */
		public String revision(ViewDeployments.Summary summary) {
			return " · rev " + summary.deployment().configRevision();
		}

		public String requester(ViewDeployments.Summary summary) {
			return "by " + summary.deployment().requestedBy().name();
		}

		/**
		 * " · No Friday deploys, opens Mon 30 Nov 2026, 00:00 CET": the window holding
		 * it.
		 */
		public String blocked(ViewDeployments.Summary summary) {
			return " · " + summary.deployment().blockedBy() + ", opens " + this.times.at(summary.deployment().dueAt());
		}

		public String due(ViewDeployments.Summary summary) {
			return " · due " + this.times.at(summary.deployment().dueAt());
		}

		public String needs(ViewDeployments.Summary summary) {
			return " · needs " + approvals(summary.deployment().approvalsRequired());
		}

		/**
		 * The environment's gate and target in a line, with the zone its times are in.
		 */
		/**
		 * For an environment a branch created: where it came from, or why it was
		 * deactivated; null for the others.
		 */
		public @Nullable String branchNote() {
			var branch = this.environment.branch();
			if (branch == null) {
				return null;
			}
			if (!branch.active()) {
				return "Deactivated branch environment of " + branch.branch() + ": " + branch.deactivatedReason()
						+ " It deploys nothing more; its history is kept.";
			}
			String parent = this.environment.branchParent();
			return "Branch environment of " + branch.branch()
					+ ((parent != null)
							? ", its config cloned from " + parent
									+ ((branch.parentRevision() != null) ? " revision " + branch.parentRevision() : "")
							: "")
					+ ". It deploys the branch's builds and is deactivated when the branch is deleted.";
		}

		/**
		 * The compare page of this branch environment against its parent, to merge config
		 * back.
		 */
		public @Nullable String compareWithParent() {
			var branch = this.environment.branch();
			String parent = this.environment.branchParent();
			if (branch == null || !branch.active() || parent == null) {
				return null;
			}
			DeploymentPlace place = this.environment.place();
			return "/orgs/" + this.orgSlug + "/projects/" + place.projectSlug() + "/compare?left=" + parent + "&right="
					+ place.environmentName();
		}

		public String gate() {
			int required = this.environment.policy().requiredApprovals();
			String successIn = this.environment.policy().requiresSuccessIn();
			return "Gate: " + ((required == 0) ? "no approval needed" : approvals(required))
					+ ((successIn != null) ? ", after success in " + successIn : "") + " · target: "
					+ this.environment.target().type().value() + automatic() + ". Times in " + this.times.zone().getId()
					+ ".";
		}

		/** " · deploys builds of branch main automatically", or nothing. */
		private String automatic() {
			var rule = this.environment.autoDeploy();
			return (rule != null)
					? " · deploys " + rule.describe(this.environment.place().environment()) + " automatically" : "";
		}

		private static String approvals(int count) {
			return count + " approval" + ((count == 1) ? "" : "s");
		}

	}

	public View of(Caller caller, String project, String environment) {
		ViewDeployments.EnvironmentView view = this.viewDeployments.environment(caller, project, environment);
		List<ViewDeployments.Summary> inFlight = view.recent()
			.stream()
			.filter((s) -> !s.status().isFinished())
			.toList();
		List<ViewDeployments.Summary> recent = view.recent()
			.stream()
			.filter((s) -> s.status().isFinished())
			.limit(RECENT)
			.toList();
		return new View(view, new ZoneTimes(view.place().environment().timeZone()), inFlight, recent, view.live(),
				view.previous(), caller.can(Permission.REQUEST_DEPLOYMENTS), caller.can(Permission.MANAGE_POLICIES),
				caller.organization().slug());
	}

}
