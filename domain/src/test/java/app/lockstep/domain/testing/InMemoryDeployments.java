package app.lockstep.domain.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.Deployments;
import app.lockstep.domain.deploy.DueDeployments;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * {@link Deployments}, and the scheduler's {@link DueDeployments} view across
 * organizations, over one map per organization, as the adapters share one table.
 * <ul>
 * <li>{@code seq} is given on insert (growing, as the database's sequence); the
 * requester's ip is not kept (the table has no column for it).</li>
 * <li>{@link #update} writes only what the adapter writes and refuses what the database's
 * trigger refuses, with {@link Deployments.IllegalTransitionException} carrying the
 * status held: a transition {@link DeploymentStatus#canBecome} does not allow, any change
 * to a finished deployment other than its review, and a change of what it deploys without
 * a new request version.</li>
 * <li>Dispatch claims (token, until) are kept beside the rows; row locks are no-ops
 * (tests run in one thread), so {@code tryLock} finds the deployment unless a test
 * {@link #holdLock holds} it, as another transaction would.</li>
 * </ul>
 */
public final class InMemoryDeployments implements Deployments, DueDeployments {

	private record Claim(UUID token, Instant until) {
	}

	private final InMemoryEnvironments environments;

	private final Map<OrgId, Map<DeploymentId, Deployment>> byOrg = new LinkedHashMap<>();

	private final Map<DeploymentId, Claim> claims = new HashMap<>();

	private final List<DeploymentId> heldByOthers = new ArrayList<>();

	private long seq;

	public InMemoryDeployments(InMemoryEnvironments environments) {
		this.environments = environments;
	}

	private Map<DeploymentId, Deployment> of(OrgId org) {
		return this.byOrg.computeIfAbsent(org, (o) -> new LinkedHashMap<>());
	}

	/** As if another transaction held the deployment's row: {@code tryLock} skips it. */
	public void holdLock(DeploymentId id) {
		this.heldByOthers.add(id);
	}

	public void releaseLock(DeploymentId id) {
		this.heldByOthers.remove(id);
	}

	/** Every deployment of the organization, in the order they were requested. */
	public List<Deployment> all(OrgId org) {
		return List.copyOf(of(org).values());
	}

	/** The deployment as stored; fails the test when there is none. */
	public Deployment get(OrgId org, DeploymentId id) {
		return find(org, id).orElseThrow(() -> new AssertionError("No deployment " + id));
	}

	@Override
	public void insert(OrgId org, Deployment d) {
		if (of(org).containsKey(d.id())) {
			throw new IllegalStateException("duplicate key: deployment " + d.id());
		}
		Actor requester = new Actor(d.requestedBy().type(), d.requestedBy().id(), d.requestedBy().name(), null);
		of(org).put(d.id(),
				new Deployment(d.id(), ++this.seq, d.projectId(), d.environmentId(), d.artifactId(), d.configRevision(),
						d.scheduledAt(), d.whenBlocked(), d.note(), d.status(), d.emergency(), d.emergencyReason(),
						requester, d.requestedByUser(), d.requestedAt(), d.requestVersion(), d.approvalsRequired(),
						d.previousArtifactId(), d.previousConfigRevision(), d.dueAt(), d.blockedBy(),
						d.dispatchAttempts(), d.lastError(), d.deliveryId(), d.startedAt(), d.deadlineAt(),
						d.finishedAt(), d.statusMessage(), d.logUrl(), d.review(), d.updatedAt()));
	}

	@Override
	public void update(OrgId org, Deployment d) {
		Deployment old = of(org).get(d.id());
		if (old == null) {
			return;
		}
		String current = old.status().value();
		if (d.status() != old.status() && !old.status().canBecome(d.status())) {
			throw refused(current, "cannot go from " + current + " to " + d.status().value());
		}
		if (old.status().isFinished() && Objects.equals(reviewedAt(old), reviewedAt(d))) {
			throw refused(current, "is " + current + " and cannot change");
		}
		boolean whatChanged = !Objects.equals(old.artifactId(), d.artifactId())
				|| !Objects.equals(old.configRevision(), d.configRevision());
		if (whatChanged && old.requestVersion() == d.requestVersion()) {
			throw refused(current, "changing what it deploys must start a new request version");
		}
		// what the adapter writes; the rest (identity, requester, what was live) never
		// changes
		of(org).put(d.id(), new Deployment(old.id(), old.seq(), old.projectId(), old.environmentId(), d.artifactId(),
				d.configRevision(), d.scheduledAt(), d.whenBlocked(), d.note(), d.status(), old.emergency(),
				old.emergencyReason(), old.requestedBy(), old.requestedByUser(), old.requestedAt(), d.requestVersion(),
				d.approvalsRequired(), old.previousArtifactId(), old.previousConfigRevision(), d.dueAt(), d.blockedBy(),
				d.dispatchAttempts(), d.lastError(), old.deliveryId(), d.startedAt(), d.deadlineAt(), d.finishedAt(),
				d.statusMessage(), d.logUrl(), d.review(), d.updatedAt()));
	}

	private static @Nullable Instant reviewedAt(Deployment deployment) {
		Deployment.Review review = deployment.review();
		return (review != null) ? review.at() : null;
	}

	private static IllegalTransitionException refused(String current, String why) {
		return new IllegalTransitionException(current, new IllegalStateException("LS409: deployment " + why));
	}

	@Override
	public Optional<Deployment> find(OrgId org, DeploymentId id) {
		return Optional.ofNullable(of(org).get(id));
	}

	@Override
	public Optional<Deployment> lock(OrgId org, DeploymentId id) {
		return find(org, id);
	}

	@Override
	public Optional<Deployment> tryLock(OrgId org, DeploymentId id) {
		return this.heldByOthers.contains(id) ? Optional.empty() : find(org, id);
	}

	@Override
	public List<Deployment> lockWaiting(OrgId org, @Nullable EnvironmentId environment) {
		return select(org,
				(d) -> d.status() == DeploymentStatus.WAITING_FOR_WINDOW && ((environment != null)
						? d.environmentId().equals(environment) : tierOf(org, d.environmentId()) == Tier.PRODUCTION),
				bySeq());
	}

	@Override
	public Optional<Deployment> tryLockUnclaimed(OrgId org, DeploymentId id, Instant now) {
		return tryLock(org, id).filter((d) -> !claimedAt(org, id, now));
	}

	@Override
	public void claim(OrgId org, DeploymentId id, UUID token, Instant until) {
		if (of(org).containsKey(id)) {
			this.claims.put(id, new Claim(token, until));
		}
	}

	@Override
	public boolean renewClaim(OrgId org, DeploymentId id, UUID token, Instant until) {
		Claim claim = this.claims.get(id);
		if (claim == null || !claim.token().equals(token) || !of(org).containsKey(id)) {
			return false;
		}
		this.claims.put(id, new Claim(token, until));
		return true;
	}

	@Override
	public Optional<Deployment> lockAndRelease(OrgId org, DeploymentId id, UUID token) {
		Claim claim = this.claims.get(id);
		if (claim == null || !claim.token().equals(token) || !of(org).containsKey(id)) {
			return Optional.empty();
		}
		this.claims.remove(id);
		return find(org, id);
	}

	@Override
	public boolean claimedAt(OrgId org, DeploymentId id, Instant now) {
		Claim claim = this.claims.get(id);
		return claim != null && of(org).containsKey(id) && claim.until().isAfter(now);
	}

	@Override
	public List<Deployment> ofEnvironment(OrgId org, EnvironmentId environment, @Nullable Long beforeSeq, int limit) {
		return select(org, (d) -> d.environmentId().equals(environment) && (beforeSeq == null || d.seq() < beforeSeq),
				bySeq().reversed())
			.stream()
			.limit(limit)
			.toList();
	}

	@Override
	public List<Deployment> ofProject(OrgId org, ProjectId project, int limit) {
		return select(org, (d) -> d.projectId().equals(project), bySeq().reversed()).stream().limit(limit).toList();
	}

	@Override
	public Optional<Deployment> live(OrgId org, EnvironmentId environment) {
		return succeeded(org, environment, 1).stream().findFirst();
	}

	@Override
	public Map<EnvironmentId, Deployment> liveByEnvironment(OrgId org,
			java.util.Collection<EnvironmentId> environments) {
		return newestPerEnvironment(org,
				(d) -> d.status() == DeploymentStatus.SUCCEEDED && environments.contains(d.environmentId()));
	}

	@Override
	public List<Deployment> unfinished(OrgId org) {
		return select(org, (d) -> !d.status().isFinished(), bySeq());
	}

	@Override
	public Map<EnvironmentId, Deployment> lastRunByEnvironment(OrgId org,
			java.util.Collection<EnvironmentId> environments) {
		return newestPerEnvironment(org,
				(d) -> (d.status() == DeploymentStatus.SUCCEEDED || d.status() == DeploymentStatus.FAILED)
						&& environments.contains(d.environmentId()));
	}

	private Map<EnvironmentId, Deployment> newestPerEnvironment(OrgId org, Predicate<Deployment> status) {
		Map<EnvironmentId, Deployment> newest = new LinkedHashMap<>();
		for (Deployment d : select(org, status, lastFinishedFirst())) {
			newest.putIfAbsent(d.environmentId(), d);
		}
		return newest;
	}

	@Override
	public List<Deployment> succeeded(OrgId org, EnvironmentId environment, int limit) {
		return select(org, (d) -> d.environmentId().equals(environment) && d.status() == DeploymentStatus.SUCCEEDED,
				lastFinishedFirst())
			.stream()
			.limit(limit)
			.toList();
	}

	@Override
	public boolean hasSucceeded(OrgId org, EnvironmentId environment, ArtifactId artifact) {
		return of(org).values()
			.stream()
			.anyMatch((d) -> d.environmentId().equals(environment) && d.status() == DeploymentStatus.SUCCEEDED
					&& d.artifactId().equals(artifact));
	}

	@Override
	public List<Deployment> awaitingApproval(OrgId org) {
		return select(org, (d) -> d.status() == DeploymentStatus.AWAITING_APPROVAL, bySeq());
	}

	@Override
	public int countAwaitingApproval(OrgId org) {
		return awaitingApproval(org).size();
	}

	@Override
	public List<Deployment> unreviewedEmergencies(OrgId org) {
		return select(org, (d) -> d.emergency() && d.review() == null,
				Comparator.comparing(Deployment::requestedAt).thenComparingLong(Deployment::seq));
	}

	@Override
	public List<Deployment> requestedBetween(OrgId org, Instant from, Instant to, @Nullable String tier) {
		return select(org, (d) -> !d.requestedAt().isBefore(from) && d.requestedAt().isBefore(to)
				&& (tier == null || tierOf(org, d.environmentId()).name().equals(tier.toUpperCase(Locale.ROOT))),
				Comparator.comparing(Deployment::requestedAt).thenComparingLong(Deployment::seq));
	}

	@Override
	public List<Due> pendingDue(Instant now, int limit) {
		List<Due> due = new ArrayList<>();
		this.byOrg.forEach((org, deployments) -> deployments.values()
			.stream()
			.filter((d) -> d.status().isPending() && d.dueAt() != null && !d.dueAt().isAfter(now)
					&& !claimedAt(org, d.id(), now))
			.forEach((d) -> due.add(new Due(org, d.id(), d.dueAt()))));
		return due.stream()
			.sorted(Comparator.comparing((Due d) -> Objects.requireNonNull(d.dueAt()))
				.thenComparingLong((d) -> seqOf(d)))
			.limit(limit)
			.toList();
	}

	@Override
	public List<Due> overdue(Instant now, int limit) {
		List<Deployment> overdue = new ArrayList<>();
		Map<DeploymentId, OrgId> orgs = new HashMap<>();
		this.byOrg.forEach((org, deployments) -> deployments.values()
			.stream()
			.filter((d) -> d.status() == DeploymentStatus.RUNNING && d.deadlineAt() != null
					&& !d.deadlineAt().isAfter(now))
			.forEach((d) -> {
				overdue.add(d);
				orgs.put(d.id(), org);
			}));
		return overdue.stream()
			.sorted(Comparator.comparing((Deployment d) -> Objects.requireNonNull(d.deadlineAt()))
				.thenComparingLong(Deployment::seq))
			.limit(limit)
			.map((d) -> new Due(Objects.requireNonNull(orgs.get(d.id())), d.id()))
			.toList();
	}

	private long seqOf(Due due) {
		return of(due.org()).get(due.id()).seq();
	}

	private Tier tierOf(OrgId org, EnvironmentId environment) {
		return this.environments.findById(org, environment)
			.map(Environment::tier)
			.orElseThrow(() -> new IllegalStateException("No environment " + environment));
	}

	private List<Deployment> select(OrgId org, Predicate<Deployment> where, Comparator<Deployment> order) {
		return of(org).values().stream().filter(where).sorted(order).toList();
	}

	private static Comparator<Deployment> bySeq() {
		return Comparator.comparingLong(Deployment::seq);
	}

	/**
	 * Finished last first (the higher seq on a tie), as the adapter orders: PostgreSQL's
	 * descending order puts nulls first.
	 */
	private static Comparator<Deployment> lastFinishedFirst() {
		return Comparator.comparing(Deployment::finishedAt, Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
			.thenComparing(Comparator.comparingLong(Deployment::seq).reversed());
	}

}
