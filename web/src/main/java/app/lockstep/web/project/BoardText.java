package app.lockstep.web.project;

import app.lockstep.domain.config.CompareEnvironments;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.project.Environment;

/**
 * The sentences of the release board ({@code templates/project/dashboard} and
 * {@code project/fragments/environment-grid}), built here so the templates only print
 * them.
 */
public record BoardText() {

	/** "2 emergency deployments unreviewed for more than 48 hours". */
	public String overdueReviews(long count) {
		return (count == 1) ? "1 emergency deployment unreviewed for more than 48 hours"
				: count + " emergency deployments unreviewed for more than 48 hours";
	}

	/** "staging ≠ production: php 8.3 vs 8.2", under the project's name. */
	public String drift(CompareEnvironments.PairDrift drift) {
		return drift.left() + " ≠ " + drift.right() + ": " + drift.headline();
	}

	/** "1.", before the environment's name. */
	public String position(Environment environment) {
		return environment.position() + ".";
	}

	/** "· config r7" (or "· no config"), after the live version. */
	public String liveConfig(ViewDeployments.Summary live) {
		Integer revision = live.deployment().configRevision();
		return (revision != null) ? "· config r" + revision : "· no config";
	}

	/** "Deploying 1.5.0". */
	public String running(ViewDeployments.Summary running) {
		return "Deploying " + running.artifactVersion();
	}

	/** "1 awaiting approval". */
	public String awaitingApproval(ViewDeployments.Activity activity) {
		return activity.awaitingApproval() + " awaiting approval";
	}

	/** "2 queued". */
	public String queued(ViewDeployments.Activity activity) {
		return activity.queued() + " queued";
	}

	/** "Failed: 1.5.0". */
	public String failed(ViewDeployments.Summary lastRun) {
		return "Failed: " + lastRun.artifactVersion();
	}

	/** "Promote 1.4.2", the button. */
	public String promote(ViewDeployments.Summary previousLive) {
		return "Promote " + previousLive.artifactVersion();
	}

	/**
	 * "Promote 1.4.2 from staging to production", the button's label for screen readers.
	 */
	public String promoteLabel(ViewDeployments.Summary previousLive, Environment from, Environment to) {
		return "Promote " + previousLive.artifactVersion() + " from " + from.name() + " to " + to.name();
	}

}
