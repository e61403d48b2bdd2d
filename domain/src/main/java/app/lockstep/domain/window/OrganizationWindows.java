package app.lockstep.domain.window;

import java.time.Instant;
import java.util.Set;

import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.Tier;

/**
 * One set of deployment windows for the production environments of the whole
 * organization, or of chosen projects. When {@code overridable} an environment's own
 * saved windows win; otherwise these apply and environments cannot change theirs.
 */
public record OrganizationWindows(WindowRules rules, boolean allProjects, Set<ProjectId> projects, boolean overridable,
		Instant updatedAt, String updatedBy) {

	public boolean appliesTo(Environment environment) {
		return environment.tier() == Tier.PRODUCTION
				&& (this.allProjects || this.projects.contains(environment.projectId()));
	}

}
