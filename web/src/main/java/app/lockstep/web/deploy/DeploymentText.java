package app.lockstep.web.deploy;

import java.util.Locale;
import java.util.stream.Collectors;

import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.web.shared.ZoneTimes;

/**
 * The sentences of the deployment page and its card ({@code templates/deploy/deployment}
 * and {@code deploy/fragments/deployment-card}), built here so the templates only print
 * them.
 */
public record DeploymentText(ViewDeployments.Detail detail, ZoneTimes times) {

	private Deployment deployment() {
		return this.detail.deployment();
	}

	private String environment() {
		return this.detail.summary().place().environment().name();
	}

	public String title() {
		return "Deployment of " + this.detail.artifact().version() + " · " + environment() + " · "
				+ this.detail.summary().place().project().name() + " · Lockstep";
	}

	/** "· rev 7", after the version in the heading. */
	public String revision() {
		return "· rev " + deployment().configRevision();
	}

	public String requested() {
		return "Requested by " + deployment().requestedBy().name() + ", " + this.times.at(deployment().requestedAt())
				+ ". Times in " + this.times.zone().getId() + ".";
	}

	public String changesHeading() {
		return (deployment().status().isFinished() || deployment().startedAt() != null) ? "What it changed"
				: "What would change";
	}

	/** "since 1.4.1 (abc1234)": the live artifact the commits are counted from. */
	public String sinceLive() {
		var live = this.detail.liveArtifact();
		return (live != null) ? "since " + live.version() + " (" + live.commitSha().substring(0, 7) + ")" : "";
	}

	/** "— Dev", after a commit's title. */
	public String author(app.lockstep.domain.code.CodeChange commit) {
		return "— " + commit.author();
	}

	public String noCommits() {
		return deployment().isConfigOnly() ? "None: a config-only deployment keeps the live artifact."
				: "No pushed commits are known between the live artifact and this one.";
	}

	public String noConfigDiff() {
		return (deployment().configRevision() == null) ? "This environment has no config revision."
				: "No config revision to compare with.";
	}

	/** "Revision 6 → 7: ", before the diff's summary. */
	public String diffRevisions() {
		ViewConfig.Diff diff = this.detail.configDiff();
		return (diff != null) ? "Revision " + diff.from().number() + " → " + diff.to().number() + ": " : "";
	}

	public String diffSummary() {
		ViewConfig.Diff diff = this.detail.configDiff();
		if (diff == null) {
			return "";
		}
		return (diff.from().number() == diff.to().number()) ? "no config change" : diff.summary().text();
	}

	public String review() {
		Deployment.Review review = deployment().review();
		return (review != null)
				? "Reviewed by " + review.byName() + ", " + this.times.at(review.at()) + ": " + review.comment() : "";
	}

	public String configRevision() {
		Integer revision = deployment().configRevision();
		return (revision != null) ? String.valueOf(revision) : "none (no config yet)";
	}

	public String schedule() {
		return (deployment().scheduledAt() != null) ? "At " + this.times.at(deployment().scheduledAt())
				: "As soon as allowed";
	}

	public String whenBlocked() {
		if (deployment().emergency()) {
			return "(emergency: windows do not apply)";
		}
		return "queue".equals(deployment().whenBlocked().value()) ? "(queues when the window is closed)"
				: "(refused when the window is closed)";
	}

	public String blockedBy() {
		return "Waiting for window: " + deployment().blockedBy()
				+ ((deployment().dueAt() != null) ? ", opens " + this.times.at(deployment().dueAt()) : "");
	}

	public String due() {
		return "Due " + this.times.at(deployment().dueAt());
	}

	/** "Dev, ", before the time of the request. */
	public String requestedBy() {
		return deployment().requestedBy().name() + ", ";
	}

	public String started() {
		return this.times.at(deployment().startedAt()) + ((deployment().deadlineAt() != null)
				? " (times out " + this.times.at(deployment().deadlineAt()) + ")" : "");
	}

	public String approvalCount() {
		return this.detail.approvalsGiven() + " of " + deployment().approvalsRequired() + " required";
	}

	/** Who may approve, whether the requester may, and for how long an approval holds. */
	public String approvers() {
		var policy = this.detail.policy();
		String roles = policy.approverRoles()
			.stream()
			.map((role) -> role.label().toLowerCase(Locale.ROOT) + "s")
			.collect(Collectors.joining(", "));
		return "Approved by " + roles
				+ (policy.allowSelfApproval() ? "; the requester may approve too" : "; not by the requester")
				+ ". Valid " + policy.approvalValidHours() + " hours.";
	}

	public String noDecision() {
		if (deployment().approvalsRequired() != 0) {
			return "No decision yet.";
		}
		return deployment().emergency() ? "No approval: an emergency deployment."
				: "No approval needed on this environment.";
	}

	public String decision(ViewDeployments.ApprovalView approval) {
		return "approve".equals(approval.approval().decision().value()) ? "Approved" : "Rejected";
	}

	public String comment(ViewDeployments.ApprovalView approval) {
		return "“" + approval.approval().comment() + "”";
	}

}
