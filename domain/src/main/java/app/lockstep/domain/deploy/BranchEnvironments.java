package app.lockstep.domain.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;

/**
 * Projects' branch environment rules and the environments branches created. Every method
 * runs inside a unit of work bound to the organization, except
 * {@link #organizationsWithIdle}, which runs in the scheduler's.
 */
public interface BranchEnvironments {

	Optional<BranchRule> rule(OrgId org, ProjectId project);

	void saveRule(OrgId org, BranchRule rule);

	void removeRule(OrgId org, ProjectId project);

	/** The project's branch environments, active ones first, then newest first. */
	List<BranchEnvironment> ofProject(OrgId org, ProjectId project);

	Optional<BranchEnvironment> find(OrgId org, EnvironmentId environment);

	void insert(OrgId org, BranchEnvironment environment);

	/** Records a push to the branch of an active branch environment. */
	void touch(OrgId org, EnvironmentId environment, Instant at);

	void deactivate(OrgId org, EnvironmentId environment, Instant at, String reason);

	/**
	 * The organizations with an active branch environment idle longer than its rule
	 * allows.
	 */
	List<OrgId> organizationsWithIdle(Instant now, int limit);

	/**
	 * The active branch environments of the organization idle longer than their rule
	 * allows.
	 */
	List<BranchEnvironment> idle(OrgId org, Instant now);

}
