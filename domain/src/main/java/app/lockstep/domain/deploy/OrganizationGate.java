package app.lockstep.domain.deploy;

import java.time.Instant;
import java.util.Set;

import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.Tier;

/**
 * One approval gate for the production environments of the whole organization, or of
 * chosen projects: how many approvals, from which roles, self-approval, how long they
 * stay valid. When {@code overridable} an environment's own saved gate wins; otherwise
 * the organization's applies and environments cannot change it.
 */
public record OrganizationGate(ApprovalPolicy policy, boolean allProjects, Set<ProjectId> projects, boolean overridable,
		Instant updatedAt, String updatedByName) {

	public boolean appliesTo(Environment environment) {
		return environment.tier() == Tier.PRODUCTION
				&& (this.allProjects || this.projects.contains(environment.projectId()));
	}

}
