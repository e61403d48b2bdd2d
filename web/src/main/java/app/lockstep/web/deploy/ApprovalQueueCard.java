package app.lockstep.web.deploy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.deploy.Approval;
import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentPlace;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.access.Caller;
import org.jspecify.annotations.Nullable;

/**
 * One request in the approval queue as its card shows it: where and what, who asked and
 * when, the first {@value #COMMITS_SHOWN} commits it brings (the rest counted), the
 * config change, the approvals given, whether the viewer may decide (and if not, why),
 * and after a decision its result or the refusal beside the comment.
 */
record ApprovalQueueCard(ViewDeployments.Detail detail, String domId, String requestedAt, String requestedAgo,
		String schedule, @Nullable String fromVersion, List<CodeChange> commits, int moreCommits,
		@Nullable String configSummary, @Nullable String decideNote, String deploymentUrl, String decideUrl,
		@Nullable String result, Map<String, String> errors, @Nullable String comment, @Nullable String window,
		boolean windowOpen) {

	static final int COMMITS_SHOWN = 10;

	static ApprovalQueueCard of(ViewDeployments.Detail detail, Caller caller, Instant now) {
		Deployment deployment = detail.deployment();
		DeploymentPlace place = detail.summary().place();
		ZoneId zone = place.environment().timeZone();
		String org = caller.organization().slug();
		List<CodeChange> all = detail.commits();
		List<CodeChange> shown = all.subList(0, Math.min(COMMITS_SHOWN, all.size()));
		Artifact base = detail.liveArtifact();
		String fromVersion = (base != null && !base.id().equals(detail.artifact().id())) ? base.version() : null;
		String configSummary = null;
		if (detail.configDiff() != null) {
			configSummary = detail.configDiff().summary().isEmpty() ? null : detail.configDiff().summary().text();
		}
		return new ApprovalQueueCard(detail, "request-" + deployment.id(),
				QueueTimes.at(deployment.requestedAt(), zone), QueueTimes.ago(deployment.requestedAt(), now),
				schedule(deployment, zone), fromVersion, shown, all.size() - shown.size(), configSummary,
				decideNote(detail, caller),
				"/orgs/" + org + "/projects/" + place.projectSlug() + "/environments/" + place.environmentName()
						+ "/deployments/" + deployment.id(),
				"/orgs/" + org + "/approvals/" + place.projectSlug() + "/" + place.environmentName() + "/"
						+ deployment.id(),
				null, Map.of(), null, null, true);
	}

	/** The same card after a decision: its result, or the refusal and what was typed. */
	ApprovalQueueCard with(@Nullable String result, Map<String, String> errors, @Nullable String comment) {
		return new ApprovalQueueCard(this.detail, this.domId, this.requestedAt, this.requestedAgo, this.schedule,
				this.fromVersion, this.commits, this.moreCommits, this.configSummary, this.decideNote,
				this.deploymentUrl, this.decideUrl, result, errors, comment, this.window, this.windowOpen);
	}

	/**
	 * The same card with its environment's window state now, such as "Open until Fri
	 * 00:00 CET".
	 */
	ApprovalQueueCard withWindow(@Nullable String window, boolean windowOpen) {
		return new ApprovalQueueCard(this.detail, this.domId, this.requestedAt, this.requestedAgo, this.schedule,
				this.fromVersion, this.commits, this.moreCommits, this.configSummary, this.decideNote,
				this.deploymentUrl, this.decideUrl, this.result, this.errors, this.comment, window, windowOpen);
	}

	/** Open in place after a decision, so its result or refusal shows. */
	public boolean expanded() {
		return this.result != null || !this.errors.isEmpty();
	}

	/** The number of commits the request brings. */
	public int commitCount() {
		return this.commits.size() + this.moreCommits;
	}

	/**
	 * What makes two requests the same: the environment, the artifact and the config
	 * revision.
	 */
	public String sameAs() {
		Deployment deployment = this.detail.deployment();
		DeploymentPlace place = this.detail.summary().place();
		return place.projectSlug() + "/" + place.environmentName() + "/" + this.detail.artifact().id() + "/"
				+ deployment.configRevision();
	}

	/** The number of approvals still missing (0 when enough). */
	public int approvalsMissing() {
		return Math.max(0, detail().deployment().approvalsRequired() - detail().approvalsGiven());
	}

	public List<ViewDeployments.ApprovalView> approvalsGiven() {
		return this.detail.approvals()
			.stream()
			.filter((a) -> a.approval().decision() == Approval.Decision.APPROVE && !a.voided())
			.toList();
	}

	/** Such as "admins, leads or owners". */
	public String approvers() {
		return roles(this.detail.policy());
	}

	public boolean hasConfigDiff() {
		return this.detail.configDiff() != null && !this.detail.configDiff().summary().isEmpty();
	}

	/** "Dana Developer, 2 hours ago", on the card's line. */
	public String requestedByAgo() {
		return this.detail.deployment().requestedBy().name() + ", " + this.requestedAgo;
	}

	/** "When approved" or the time asked for, on the card's line. */
	public String lineSchedule() {
		return (this.detail.deployment().scheduledAt() == null) ? "When approved" : this.schedule;
	}

	/** "12 commits", on the card's line. */
	public String commitCountLine() {
		return QueueTimes.plural(commitCount(), "commit");
	}

	/** "config +1 ~0 -0", "config only" or "no config change", on the card's line. */
	public String configLine() {
		if (this.configSummary != null) {
			return "config " + this.configSummary;
		}
		return this.detail.deployment().isConfigOnly() ? "config only" : "no config change";
	}

	/** "0 of 1": approvals given of those required. */
	public String approvalCount() {
		return this.detail.approvalsGiven() + " of " + this.detail.deployment().approvalsRequired();
	}

	/** "from leads", after the approval count. */
	public String fromApprovers() {
		return "from " + approvers();
	}

	/** "revision 7" or "none yet". */
	public String configRevision() {
		Integer revision = this.detail.deployment().configRevision();
		return (revision != null) ? "revision " + revision : "none yet";
	}

	/** "(Lead)", after the approver's name. */
	public String approverRole(ViewDeployments.ApprovalView approval) {
		return "(" + approval.approval().approverRole().label() + ")";
	}

	/** "“Looks good”": an approval's comment. */
	public String approvalComment(ViewDeployments.ApprovalView approval) {
		return "“" + approval.approval().comment() + "”";
	}

	/** A commit's title, or "(no message)". */
	public String commitTitle(CodeChange commit) {
		return commit.title().isEmpty() ? "(no message)" : commit.title();
	}

	/** "— Dana", after a commit's title. */
	public String commitAuthor(CodeChange commit) {
		return "— " + commit.author();
	}

	/** "and 3 more", below the commits shown. */
	public String moreCommitsLine() {
		return "and " + this.moreCommits + " more";
	}

	/**
	 * "+1 ~0 -0 variables", or why there is no summary: nothing to compare with, or no
	 * change.
	 */
	public String configChange() {
		if (this.configSummary != null) {
			return this.configSummary;
		}
		return (this.detail.configDiff() == null) ? "No earlier revision to compare with." : "No config change.";
	}

	/** "Show the diff: revision 6 → 7". */
	public String showDiff() {
		ViewConfig.Diff diff = Objects.requireNonNull(this.detail.configDiff(), "shown with a diff only");
		return "Show the diff: revision " + diff.from().number() + " → " + diff.to().number();
	}

	static String schedule(Deployment deployment, ZoneId zone) {
		if (deployment.scheduledAt() == null) {
			return "As soon as approved and the window is open";
		}
		return QueueTimes.at(deployment.scheduledAt(), zone);
	}

	/**
	 * Why the viewer sees no buttons (null when they may decide), as the use case
	 * answered it.
	 */
	private static @Nullable String decideNote(ViewDeployments.Detail detail, Caller caller) {
		ViewDeployments.NotDeciding why = detail.actions().notDeciding();
		if (detail.actions().decide() || why == null) {
			return null;
		}
		return switch (why) {
			case ROLE -> "Approved by " + roles(detail.policy()) + ". Your role here is " + caller.role().label() + ".";
			case DECIDED -> "You have decided on this request.";
			case OWN_REQUEST -> "You requested this deployment: another approver has to decide.";
		};
	}

	static String roles(ApprovalPolicy policy) {
		List<String> names = policy.approverRoles()
			.stream()
			.sorted()
			.map((role) -> role.label().toLowerCase(java.util.Locale.ROOT) + "s")
			.toList();
		if (names.size() <= 1) {
			return String.join("", names);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
	}

}
