package app.lockstep.domain.deploy;

import java.time.Instant;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.UserId;

/**
 * A project's rule for environments per branch: a push to a new branch matching
 * {@code pattern} creates an environment that starts from {@code parent}'s config, at
 * most {@code maxActive} at once, deactivated after {@code idleDays} without a push. The
 * member who set it is the requester of what those environments deploy.
 */
public record BranchRule(ProjectId project, String pattern, EnvironmentId parent, int maxActive, int idleDays,
		Instant updatedAt, UserId updatedBy, String updatedByName) {

	public static final int DEFAULT_MAX_ACTIVE = 10;

	public static final int DEFAULT_IDLE_DAYS = 14;

}
