package app.lockstep.web.deploy;

import java.util.Locale;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.web.shared.ZoneTimes;
import org.jspecify.annotations.Nullable;

/**
 * The sentences of the request page and its form ({@code templates/deploy/request} and
 * {@code deploy/fragments/request-form}), built here so the templates only print them.
 */
public record RequestText(ViewDeployments.EnvironmentView env, ZoneTimes times) {

	private String environment() {
		return this.env.place().environment().name();
	}

	public String title() {
		return "Request deployment · " + environment() + " · " + this.env.place().project().name() + " · Lockstep";
	}

	/** "Shop/production". */
	public String place() {
		return this.env.place().project().name() + "/" + environment();
	}

	/** " with config revision 7", after the live version. */
	public String liveRevision() {
		ViewDeployments.Summary live = this.env.live();
		return (live != null) ? " with config revision " + live.deployment().configRevision() : "";
	}

	public String gate() {
		ApprovalPolicy policy = this.env.policy();
		int required = policy.requiredApprovals();
		return "Gate: "
				+ ((required == 0) ? "no approval needed"
						: required + " approval" + ((required == 1) ? "" : "s")
								+ (policy.allowSelfApproval() ? " (self-approval allowed)" : " from someone else"))
				+ ".";
	}

	public String requiresSuccess() {
		return "Only artifacts that succeeded in " + this.env.policy().requiresSuccessIn() + " may be deployed here.";
	}

	/**
	 * What the identical pending request is, for the warning that nothing was requested.
	 */
	public String duplicate(ViewDeployments.Summary duplicate) {
		Integer revision = duplicate.deployment().configRevision();
		return duplicate.artifactVersion() + ((revision != null) ? " with config revision " + revision : "")
				+ ", requested by " + duplicate.deployment().requestedBy().name() + " "
				+ this.times.at(duplicate.deployment().requestedAt()) + ", is "
				+ duplicate.status().label().toLowerCase(Locale.ROOT) + ".";
	}

	public String promoting(String promoted, @Nullable String promotedFrom) {
		return "Promoting " + promoted + ((promotedFrom != null) ? ", live on " + promotedFrom : "") + ", to "
				+ environment() + ".";
	}

	/** The empty choice of the artifact list: keep the live one, or choose. */
	public String keepLive() {
		ViewDeployments.Summary live = this.env.live();
		return (live != null) ? "Keep the live artifact (" + live.artifactVersion() + "): config only"
				: "Choose an artifact…";
	}

	/** "1.4.2 · abc1234 (live)", an artifact in the list. */
	public String artifact(Artifact artifact) {
		ViewDeployments.Summary live = this.env.live();
		return artifact.version() + " · " + artifact.commitSha().substring(0, 7)
				+ ((live != null && artifact.version().equals(live.artifactVersion())) ? " (live)" : "");
	}

	public String latestRevision() {
		return (this.env.latestRevision() > 0) ? "The latest is " + this.env.latestRevision() + "."
				: "This environment has no config revision yet.";
	}

	public String submit(@Nullable Object duplicate) {
		return (duplicate != null) ? "Request again anyway" : "Request deployment";
	}

}
