package app.lockstep.web.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.deploy.Approval;
import app.lockstep.domain.deploy.ChangeReport;
import app.lockstep.domain.deploy.Deployment;

/**
 * The sentences of the change-management report ({@code templates/report/changes} and
 * {@code report/fragments}), built here so the templates only print them. {@code zone} is
 * the organization's, which the report's times are in.
 */
public record ReportText(ZoneId zone) {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

	/** A tier as the filter offers it: "Production", …, "All tiers". */
	public String tierOption(String tier) {
		return "ALL".equals(tier) ? "All tiers"
				: tier.substring(0, 1).toUpperCase(Locale.ROOT) + tier.substring(1).toLowerCase(Locale.ROOT);
	}

	/** "2 of 12 deployments need a look; they come first.", or that there is none. */
	public String exceptionsNote(ChangeReport.Summary summary) {
		if (summary.exceptions() == 0) {
			return "No exceptions: every deployment was approved by someone else, ran inside its windows (or was a "
					+ "reviewed emergency) and did not fail.";
		}
		return summary.exceptions() + " of " + summary.total()
				+ ((summary.total() == 1) ? " deployment needs" : " deployments need") + " a look; they come first.";
	}

	/** "3 commits since 1.4.1", under the artifact. */
	public String commitsSince(ChangeReport.Entry entry) {
		return entry.commitCount() + ((entry.commitCount() == 1) ? " commit" : " commits")
				+ ((entry.previousArtifactVersion() != null) ? " since " + entry.previousArtifactVersion() : "");
	}

	/** "rev 7", in the config column. */
	public String shortRevision(ChangeReport.ConfigChange config) {
		return "rev " + config.revision();
	}

	/** "approved 2026-03-03 10:05" (or "rejected …"), after the approver's name. */
	public String decided(Approval decision) {
		return ((decision.decision() == Approval.Decision.APPROVE) ? "approved " : "rejected ")
				+ time(decision.decidedAt());
	}

	/** "Reviewed by Lee Lead, 2026-03-03 12:00", under an emergency. */
	public String reviewed(Deployment.Review review) {
		return "Reviewed by " + review.byName() + ", " + time(review.at());
	}

	/** "1.4.1 → 1.4.2", or "up to 1.4.2" for a first deployment. */
	public String commitRange(ChangeReport.Entry entry) {
		return (entry.previousArtifactVersion() != null)
				? entry.previousArtifactVersion() + " → " + entry.artifactVersion()
				: "up to " + entry.artifactVersion();
	}

	/** "· Dana", after a commit's title. */
	public String commitAuthor(CodeChange commit) {
		return "· " + commit.author();
	}

	/** "and 12 more", below the commits listed. */
	public String moreCommits(ChangeReport.Entry entry) {
		return "and " + (entry.commitCount() - entry.commits().size()) + " more";
	}

	/** Whether the config moved from one revision to another ("Revision 6 → 7"). */
	public boolean revisionChanged(ChangeReport.ConfigChange config) {
		return config.previousRevision() != null && config.revision() != null
				&& !Objects.equals(config.previousRevision(), config.revision());
	}

	/** "Revision 6 → 7". */
	public String revisionChange(ChangeReport.ConfigChange config) {
		return "Revision " + config.previousRevision() + " → " + config.revision();
	}

	/** "Revision 7". */
	public String revision(ChangeReport.ConfigChange config) {
		return "Revision " + config.revision();
	}

	/** "Required approvals: 1", and the request's version when it was changed. */
	public String requiredApprovals(Deployment deployment) {
		return "Required approvals: " + deployment.approvalsRequired()
				+ ((deployment.requestVersion() > 1) ? " · request version " + deployment.requestVersion() : "");
	}

	/** "Lee Lead (Lead)". */
	public String approver(Approval decision) {
		return decision.approverName() + " (" + decision.approverRole().label() + ")";
	}

	/** "“Looks good”": a comment as said. */
	public String quoted(String comment) {
		return "“" + comment + "”";
	}

	/** "2 not finished". */
	public String notFinished(ChangeReport.Summary summary) {
		return summary.inProgress() + " not finished";
	}

	/** "1 not reviewed". */
	public String notReviewed(ChangeReport.Summary summary) {
		return summary.unreviewedEmergencies() + " not reviewed";
	}

	/** "1 self-approved". */
	public String selfApproved(ChangeReport.Summary summary) {
		return summary.selfApproved() + " self-approved";
	}

	/** "+ 1 emergency bypass", "+ 2 emergency bypasses". */
	public String bypassedWindow(ChangeReport.Summary summary) {
		return "+ " + summary.bypassedWindow() + " emergency bypass" + ((summary.bypassedWindow() == 1) ? "" : "es");
	}

	/**
	 * "2026-03-03 10:05": a time of the report, to the minute in the organization's zone.
	 */
	public String time(Instant instant) {
		return MINUTE.withZone(this.zone).format(instant);
	}

}
