package app.lockstep.domain.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * The deployments of an organization. Every method runs inside a unit of work bound to
 * the organization ({@link app.lockstep.domain.shared.Transactions#inTenant}).
 */
public interface Deployments {

	void insert(OrgId org, Deployment deployment);

	/**
	 * Writes the deployment's mutable state (status, request, schedule, dispatch,
	 * outcome, review). A status change the database does not allow throws
	 * {@link IllegalTransitionException}.
	 */
	void update(OrgId org, Deployment deployment);

	Optional<Deployment> find(OrgId org, DeploymentId id);

	/**
	 * The deployment, its row locked until the transaction ends (every state change locks
	 * it first, so concurrent ones serialise).
	 */
	Optional<Deployment> lock(OrgId org, DeploymentId id);

	/**
	 * The deployment locked, or empty when another transaction holds it (SKIP LOCKED):
	 * the dispatcher's claim.
	 */
	Optional<Deployment> tryLock(OrgId org, DeploymentId id);

	/**
	 * The deployments waiting for a window of this environment (of every production
	 * environment when null), oldest first, their rows locked until the transaction ends.
	 */
	List<Deployment> lockWaiting(OrgId org, @Nullable EnvironmentId environment);

	/**
	 * As {@link #tryLock}, and empty too while a dispatcher's claim on it has not expired
	 * at {@code now}.
	 */
	Optional<Deployment> tryLockUnclaimed(OrgId org, DeploymentId id, Instant now);

	/**
	 * Claims the (locked) deployment for delivery by the holder of {@code token} until
	 * {@code until}.
	 */
	void claim(OrgId org, DeploymentId id, UUID token, Instant until);

	/**
	 * Extends the claim to {@code until} if {@code token} still holds it; whether it did.
	 */
	boolean renewClaim(OrgId org, DeploymentId id, UUID token, Instant until);

	/**
	 * The deployment, locked, if {@code token} still holds its claim (empty when another
	 * dispatcher has claimed it since); the claim is released.
	 */
	Optional<Deployment> lockAndRelease(OrgId org, DeploymentId id, UUID token);

	/** Whether a dispatcher's claim on the deployment has not expired at {@code now}. */
	boolean claimedAt(OrgId org, DeploymentId id, Instant now);

	/** Newest first (keyset by seq), an environment's deployments. */
	List<Deployment> ofEnvironment(OrgId org, EnvironmentId environment, @Nullable Long beforeSeq, int limit);

	/** Newest first, a project's deployments. */
	List<Deployment> ofProject(OrgId org, ProjectId project, int limit);

	/** The latest successful deployment of the environment: what is live there. */
	Optional<Deployment> live(OrgId org, EnvironmentId environment);

	/** What is live on each of these environments that has had a success. */
	java.util.Map<EnvironmentId, Deployment> liveByEnvironment(OrgId org,
			java.util.Collection<EnvironmentId> environments);

	/**
	 * Every deployment of the organization not finished yet (awaiting approval,
	 * scheduled, waiting for its window, running), oldest first.
	 */
	List<Deployment> unfinished(OrgId org);

	/**
	 * The deployment of each of these environments that finished last, succeeded or
	 * failed (not the rejected or cancelled ones, which never ran).
	 */
	java.util.Map<EnvironmentId, Deployment> lastRunByEnvironment(OrgId org,
			java.util.Collection<EnvironmentId> environments);

	/** The successful deployments of the environment, newest first. */
	List<Deployment> succeeded(OrgId org, EnvironmentId environment, int limit);

	/** Whether this artifact has ever succeeded on that environment. */
	boolean hasSucceeded(OrgId org, EnvironmentId environment, ArtifactId artifact);

	/** Oldest first, every deployment of the organization awaiting approval. */
	List<Deployment> awaitingApproval(OrgId org);

	int countAwaitingApproval(OrgId org);

	/** Oldest first, the emergency deployments nobody has reviewed yet. */
	List<Deployment> unreviewedEmergencies(OrgId org);

	/**
	 * Deployments requested in {@code [from, to)}, oldest first, optionally of one tier.
	 */
	List<Deployment> requestedBetween(OrgId org, Instant from, Instant to, @Nullable String tier);

	final class IllegalTransitionException extends RuntimeException {

		private final String current;

		public IllegalTransitionException(String current, Throwable cause) {
			super("The deployment is " + current, cause);
			this.current = current;
		}

		/** The status the database holds (its JSON value). */
		public String current() {
			return this.current;
		}

	}

}
