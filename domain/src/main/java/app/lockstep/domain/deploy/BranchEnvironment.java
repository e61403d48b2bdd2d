package app.lockstep.domain.deploy;

import java.time.Instant;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import org.jspecify.annotations.Nullable;

/**
 * An environment a branch created: the branch, the parent and revision its config was
 * cloned from, the last push, and when and why it was deactivated (null while active).
 */
public record BranchEnvironment(EnvironmentId environment, ProjectId project, String branch,
		@Nullable EnvironmentId parent, @Nullable Integer parentRevision, Instant createdAt, Instant lastPushAt,
		@Nullable Instant deactivatedAt, @Nullable String deactivatedReason) {

	public boolean active() {
		return this.deactivatedAt == null;
	}

}
