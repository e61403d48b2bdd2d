package app.lockstep.domain.code;

import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * What code ingestion tells the rest of Lockstep, inside its own unit of work: a build
 * was registered, or a branch or tag moved to a commit. Environments that deploy
 * automatically act on it (a build is deployed once both it and a matching ref are known,
 * in whichever order they arrive), and branches create or deactivate their environments.
 */
public interface BuildTriggers {

	void registered(OrgId org, ProjectId project, String projectSlug, Artifact artifact);

	void moved(OrgId org, ProjectId project, String projectSlug, GitRef ref, String sha, @Nullable String pushedBy);

	/** A push deleted the branch or tag. */
	void deleted(OrgId org, ProjectId project, String projectSlug, GitRef ref);

}
