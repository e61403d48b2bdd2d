package app.lockstep.web.project;

import java.time.ZoneId;

import app.lockstep.domain.config.CompareEnvironments;
import app.lockstep.domain.project.Project;

/**
 * The sentences of the project page ({@code templates/project/project}), built here so
 * the template only prints them. {@code zone} is the organization's, which the page's
 * times are in.
 */
public record ProjectText(Project project, int environments, ZoneId zone) {

	public String title() {
		return this.project.name() + " · Lockstep";
	}

	/** "3 environments". */
	public String environmentCount() {
		return (this.environments == 1) ? "1 environment" : this.environments + " environments";
	}

	/** What deleting the project also deletes: "environment" or "3 environments". */
	public String deletedEnvironments() {
		return (this.environments == 1) ? "environment" : this.environments + " environments";
	}

	/** "staging ≠ production: php 8.2 → 8.3". */
	public String drift(CompareEnvironments.PairDrift drift) {
		return drift.left() + " ≠ " + drift.right() + ": " + drift.headline();
	}

	public String zoneNote() {
		return "(" + this.zone.getId() + ")";
	}

}
