package app.lockstep.web.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.deploy.CompareDeployments;
import app.lockstep.domain.deploy.DeploymentPlace;
import app.lockstep.domain.deploy.ViewDeployments;
import org.jspecify.annotations.Nullable;

/**
 * The sentences of the compare-deployments page ({@code templates/deploy/compare} and its
 * {@code compare-form} and {@code compare-result} fragments), built here so the templates
 * only print them. Times are on the environment's clock.
 */
public record CompareText(DeploymentPlace place, List<ViewDeployments.Summary> deployments,
		CompareDeployments.@Nullable Comparison comparison) {

	private static final String MINUTE = "yyyy-MM-dd HH:mm";

	public String title() {
		return "Compare deployments · " + this.place.environment().name() + " · " + this.place.project().name()
				+ " · Lockstep";
	}

	/** "no deployment" or "only one deployment", when there are not two to compare. */
	public String tooFew() {
		return this.deployments.isEmpty() ? "no deployment" : "only one deployment";
	}

	/** The label of a picker ({@code from} or {@code to}). */
	public String picker(String side) {
		return "from".equals(side) ? "From (the older one, usually)" : "To";
	}

	/** "1.4.2 · rev 7 · 2026-03-03 10:00 · Succeeded", a deployment in a picker. */
	public String option(ViewDeployments.Summary summary) {
		Integer revision = summary.deployment().configRevision();
		return summary.artifactVersion() + " · " + ((revision != null) ? "rev " + revision : "no config") + " · "
				+ minute(summary.deployment().requestedAt()) + " · " + summary.deployment().status().label();
	}

	public String side(boolean first) {
		return first ? "From" : "To";
	}

	/** " · config revision 6" (or " · no config"), after a side's version. */
	public String revision(ViewDeployments.Summary summary) {
		Integer revision = summary.deployment().configRevision();
		return (revision != null) ? " · config revision " + revision : " · no config";
	}

	public String minute(Instant instant) {
		return DateTimeFormatter.ofPattern(MINUTE, Locale.ROOT)
			.withZone(this.place.environment().timeZone())
			.format(instant);
	}

	public String rollback() {
		CompareDeployments.Comparison c = comparison();
		return "Rollback: to is older. Going from " + c.from().artifactVersion() + " to " + c.to().artifactVersion()
				+ " takes away " + c.commitCount() + ((c.commitCount() == 1) ? " commit:" : " commits:");
	}

	public String commits() {
		CompareDeployments.Comparison c = comparison();
		if (c.commitCount() == 0) {
			return "No commits recorded between " + c.from().artifactVersion() + " and " + c.to().artifactVersion()
					+ ".";
		}
		return c.commitCount() + ((c.commitCount() == 1) ? " commit" : " commits") + " from "
				+ c.from().artifactVersion() + " to " + c.to().artifactVersion() + ", newest first:";
	}

	/** " · Dana · 2026-03-03 10:00", after a commit's title. */
	public String commit(CodeChange commit) {
		return " · " + ((commit.author() != null) ? commit.author() + " · " : "") + minute(commit.committedAt());
	}

	public String more() {
		CompareDeployments.Comparison c = comparison();
		return "and " + (c.commitCount() - c.commits().size()) + " more";
	}

	@Override
	public CompareDeployments.Comparison comparison() {
		if (this.comparison == null) {
			throw new IllegalStateException("No comparison");
		}
		return this.comparison;
	}

}
