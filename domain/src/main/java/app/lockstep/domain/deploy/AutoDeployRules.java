package app.lockstep.domain.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;

/**
 * The environments that deploy automatically, and what their triggers became. Every
 * method runs inside a unit of work bound to the organization.
 */
public interface AutoDeployRules {

	Optional<AutoDeployRule> find(OrgId org, EnvironmentId environment);

	/** The rules of a project's environments (one read: most projects have none). */
	List<AutoDeployRule> ofProject(OrgId org, ProjectId project);

	void save(OrgId org, AutoDeployRule rule);

	void remove(OrgId org, EnvironmentId environment);

	/**
	 * Claims the trigger of this build on this environment; false when it was claimed
	 * before (a build is deployed automatically at most once per environment). A
	 * concurrent claim waits for the first to commit.
	 */
	boolean claim(OrgId org, EnvironmentId environment, ArtifactId artifact, String ref, Instant at);

	/** What the claimed trigger became. */
	void settle(OrgId org, AutomaticDeployment outcome);

	/** The environment's latest triggers, newest first. */
	List<AutomaticDeployment> recent(OrgId org, EnvironmentId environment, int limit);

}
