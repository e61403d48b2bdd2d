package app.lockstep.domain.deploy;

import java.time.Instant;

import app.lockstep.domain.code.GitRef;
import app.lockstep.domain.project.BranchPattern;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * An environment that deploys by itself: every build of a commit on a branch matching the
 * environment's branch pattern ({@link Source#BRANCH}), or of a commit a tag matching
 * {@code tagPattern} points at ({@link Source#TAG}). Outside a window the request waits
 * or is refused as {@code whenBlocked} says. The member who set it is the requester of
 * what it deploys.
 */
public record AutoDeployRule(EnvironmentId environment, Source source, @Nullable String tagPattern,
		WhenBlocked whenBlocked, Instant updatedAt, UserId updatedBy, String updatedByName) {

	public enum Source {

		BRANCH, TAG

	}

	/** Whether a build reached through this ref is one this environment deploys. */
	public boolean follows(Environment environment, GitRef ref) {
		return switch (this.source) {
			case BRANCH -> ref.kind() == GitRef.Kind.BRANCH && environment.branchPattern() != null
					&& BranchPattern.of(environment.branchPattern()).matches(ref.name());
			case TAG -> ref.kind() == GitRef.Kind.TAG && this.tagPattern != null
					&& BranchPattern.of(this.tagPattern).matches(ref.name());
		};
	}

	/** What it follows, as the settings page and the audit log say it. */
	public String describe(Environment environment) {
		return (this.source == Source.BRANCH) ? "builds of branch " + environment.branchPattern()
				: "builds of tags " + this.tagPattern;
	}

}
