package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.code.Artifacts;
import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.config.ConfigRevisions;
import app.lockstep.domain.config.ConfigScope;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.tenancy.Members;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * What people and machines read about deployments: an environment's live version and
 * history, one deployment with exactly what it would change (commits and config diff),
 * its approvals and its own timeline, the approval queue and the emergency review queue.
 */
@UseCase
public final class ViewDeployments {

	/** How many commits a request shows (the rest are counted). */
	public static final int COMMITS_SHOWN = 50;

	private final DeploymentPlaces places;

	private final Deployments deployments;

	private final Approvals approvals;

	private final Environments environments;

	private final ApprovalPolicies policies;

	private final DeployTargets targets;

	private final Artifacts artifacts;

	private final KnownArtifacts knownArtifacts;

	private final AuditLog auditLog;

	private final CodeChanges codeChanges;

	private final ConfigRevisions revisions;

	private final ViewConfig viewConfig;

	private final Members members;

	private final Transactions transactions;

	private final Clock clock;

	private final AutoDeployRules autoDeploys;

	private final BranchEnvironments branches;

	public ViewDeployments(DeploymentPlaces places, Deployments deployments, Approvals approvals,
			Environments environments, ApprovalPolicies policies, DeployTargets targets, Artifacts artifacts,
			KnownArtifacts knownArtifacts, AuditLog auditLog, CodeChanges codeChanges, ConfigRevisions revisions,
			ViewConfig viewConfig, Members members, AutoDeployRules autoDeploys, BranchEnvironments branches,
			Transactions transactions, Clock clock) {
		this.places = places;
		this.autoDeploys = autoDeploys;
		this.branches = branches;
		this.members = members;
		this.deployments = deployments;
		this.approvals = approvals;
		this.environments = environments;
		this.policies = policies;
		this.targets = targets;
		this.artifacts = artifacts;
		this.knownArtifacts = knownArtifacts;
		this.auditLog = auditLog;
		this.codeChanges = codeChanges;
		this.revisions = revisions;
		this.viewConfig = viewConfig;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A deployment with the names it is shown with. */
	public record Summary(Deployment deployment, DeploymentPlace place, String artifactVersion) {

		public DeploymentStatus status() {
			return this.deployment.status();
		}

	}

	public record ApprovalView(Approval approval, boolean counts, boolean voided, boolean expired) {
	}

	/**
	 * What the caller may do with a deployment now; {@code notDeciding} says why they do
	 * not decide on it whatever its status (null when nothing in the gate stops them).
	 */
	public record Actions(boolean decide, boolean change, boolean cancel, boolean finish, boolean review,
			@Nullable NotDeciding notDeciding) {
	}

	/** Why a member does not decide on a request. */
	public enum NotDeciding {

		/** The gate does not let their role decide. */
		ROLE,

		/** They decided on it already. */
		DECIDED,

		/** It is their own request and the gate does not allow self-approval. */
		OWN_REQUEST

	}

	public record Detail(Summary summary, Artifact artifact, @Nullable Summary live, @Nullable Artifact liveArtifact,
			List<CodeChange> commits, ViewConfig.@Nullable Diff configDiff, List<ApprovalView> approvals,
			int approvalsGiven, ApprovalPolicy policy, DeployTarget target, List<AuditEvent> timeline,
			Actions actions) {

		public Deployment deployment() {
			return this.summary.deployment();
		}

	}

	public record EnvironmentView(DeploymentPlace place, @Nullable Summary live, List<Summary> recent,
			@Nullable Summary previous, ApprovalPolicy policy, DeployTarget target, @Nullable AutoDeployRule autoDeploy,
			@Nullable BranchEnvironment branch, @Nullable String branchParent, List<Artifact> artifacts,
			int latestRevision, Actions actions) {
	}

	public EnvironmentView environment(Caller caller, String projectSlug, String environmentName) {
		caller.require(Permission.VIEW_PROJECTS);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			Environment environment = place.environment();
			Summary live = this.deployments.live(org, environment.id()).map((d) -> summary(org, d, place)).orElse(null);
			List<Summary> recent = this.deployments.ofEnvironment(org, environment.id(), null, 20)
				.stream()
				.map((d) -> summary(org, d, place))
				.toList();
			Deployment previous = RedeployPrevious.previousOf(this.deployments.succeeded(org, environment.id(), 50));
			boolean request = caller.can(Permission.REQUEST_DEPLOYMENTS);
			BranchEnvironment branch = this.branches.find(org, environment.id()).orElse(null);
			return new EnvironmentView(place, live, recent, (previous != null) ? summary(org, previous, place) : null,
					this.policies.of(org, environment), this.targets.of(org, environment.id()),
					this.autoDeploys.find(org, environment.id()).orElse(null), branch,
					(branch != null && branch.parent() != null)
							? this.environments.findById(org, branch.parent()).map(Environment::name).orElse(null)
							: null,
					this.artifacts.page(org, place.project().id(), null, 30),
					this.revisions.latestNumber(org, new ConfigScope(place.project().id(), environment.id())),
					new Actions(false, request, request, request, false, null));
		});
	}

	/** The config revision of the environment's live deployment, if it has one. */
	public java.util.Optional<Integer> liveRevision(Caller caller, String projectSlug, String environmentName) {
		caller.require(Permission.VIEW_PROJECTS);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			return this.deployments.live(org, place.environment().id()).map(Deployment::configRevision);
		});
	}

	public Detail deployment(Caller caller, String projectSlug, String environmentName, DeploymentId id) {
		caller.require(Permission.VIEW_PROJECTS);
		OrgId org = caller.orgId();
		Instant now = this.clock.instant();
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			Deployment deployment = this.places.find(org, place, id);
			return detail(caller, org, place, deployment, now, true, this.approvals.of(org, deployment.id()),
					this.policies.of(org, place.environment()),
					(environment) -> this.deployments.live(org, environment).orElse(null),
					this.viewConfig.differ(caller),
					(range) -> this.codeChanges.commitsBetween(org, range.project(), range.fromSha(), range.toSha()));
		});
	}

	/**
	 * How many requests await a decision the caller may take now: the count beside
	 * "Approvals". Not those the environment's gate does not let their role decide, not
	 * their own requests where self-approval is not allowed, not those they already
	 * decided. Four queries whatever the queue's length: the queue, its environments,
	 * their gates and the decisions on all of its requests.
	 */
	public int awaitingDecisionCount(Caller caller) {
		return awaitingDecision(caller).count();
	}

	/**
	 * How many requests await the caller's decision now, and until when that holds
	 * without a change in the database: the earliest expiry of a decision of theirs that
	 * keeps a request out of the count.
	 */
	AwaitingDecision awaitingDecision(Caller caller) {
		if (!ApprovalPolicy.decidesAtAll(caller.role())) {
			return new AwaitingDecision(0, Instant.MAX);
		}
		OrgId org = caller.orgId();
		Instant now = this.clock.instant();
		return this.transactions.inTenant(org, () -> {
			List<Deployment> awaiting = this.deployments.awaitingApproval(org);
			if (awaiting.isEmpty()) {
				return new AwaitingDecision(0, Instant.MAX);
			}
			Map<EnvironmentId, ApprovalPolicy> policies = policies(org,
					awaiting.stream().map(Deployment::environmentId).distinct().toList());
			List<Deployment> decidable = new ArrayList<>();
			for (Deployment deployment : awaiting) {
				ApprovalPolicy policy = policies.get(deployment.environmentId());
				if (policy == null || !policy.letsDecide(caller.role())) {
					continue;
				}
				if (!policy.allowSelfApproval() && deployment.requestedByUser().equals(caller.userId())) {
					continue;
				}
				decidable.add(deployment);
			}
			Map<DeploymentId, List<Approval>> decisions = decidable.isEmpty() ? Map.of()
					: this.approvals.of(org, decidable.stream().map(Deployment::id).toList());
			int count = 0;
			Instant validUntil = Instant.MAX;
			for (Deployment deployment : decidable) {
				Instant decidedUntil = decisions.getOrDefault(deployment.id(), List.of())
					.stream()
					.filter((a) -> !a.isVoidedBy(deployment) && a.approverId().equals(caller.userId())
							&& now.isBefore(a.expiresAt()))
					.map(Approval::expiresAt)
					.max(Instant::compareTo)
					.orElse(null);
				if (decidedUntil == null) {
					count++;
				}
				else if (decidedUntil.isBefore(validUntil)) {
					validUntil = decidedUntil;
				}
			}
			return new AwaitingDecision(count, validUntil);
		});
	}

	/** A count of requests awaiting a decision, true until {@code validUntil}. */
	record AwaitingDecision(int count, Instant validUntil) {
	}

	/**
	 * The gate of each of these environments that exists (saved, or the default of its
	 * tier), in two queries.
	 */
	private Map<EnvironmentId, ApprovalPolicy> policies(OrgId org, List<EnvironmentId> ids) {
		Map<EnvironmentId, Environment> environments = this.environments.findAll(org, ids);
		Map<EnvironmentId, ApprovalPolicy> saved = this.policies.findAll(org, environments.keySet());
		OrganizationGate gate = environments.values().stream().anyMatch((e) -> e.tier() == Tier.PRODUCTION)
				? this.policies.organizationGate(org).orElse(null) : null;
		Map<EnvironmentId, ApprovalPolicy> policies = new java.util.HashMap<>();
		environments.forEach((id, environment) -> policies.put(id,
				EffectiveGate.resolve(environment, saved.get(id), gate).policy()));
		return policies;
	}

	/**
	 * The deployment alone, without what it would change: what a page polling for its
	 * status reads (cheap).
	 */
	public Deployment status(Caller caller, String projectSlug, String environmentName, DeploymentId id) {
		caller.require(Permission.VIEW_PROJECTS);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			return this.places.find(org, place, id);
		});
	}

	/**
	 * Every request awaiting approval, oldest first, each with what it would change. The
	 * decisions on all of them are read at once, and places, gates and live deployments
	 * once per environment.
	 */
	/**
	 * A page of the approval queue, oldest first: the requests after {@code after} (from
	 * the start when null or no longer waiting), at most {@code size}, each in full (its
	 * commits, its config change). The queue's order is one cheap read; only the page
	 * pays for details.
	 */
	public QueuePage approvalQueue(Caller caller, @Nullable DeploymentId after, int size) {
		return approvalQueue(caller, after, 1, size);
	}

	/**
	 * A page of the approval queue starting at this request (from the start when it no
	 * longer waits): where a link to one request, or a decision refused on it, lands.
	 */
	public QueuePage approvalQueueFrom(Caller caller, DeploymentId first, int size) {
		return approvalQueue(caller, first, 0, size);
	}

	private QueuePage approvalQueue(Caller caller, @Nullable DeploymentId anchor, int offset, int size) {
		caller.require(Permission.VIEW_PROJECTS);
		OrgId org = caller.orgId();
		Instant now = this.clock.instant();
		return this.transactions.inTenant(org, () -> {
			List<Deployment> all = this.deployments.awaitingApproval(org);
			int start = 0;
			for (int i = 0; anchor != null && i < all.size(); i++) {
				if (all.get(i).id().equals(anchor)) {
					start = Math.min(all.size(), i + offset);
					break;
				}
			}
			List<Deployment> awaiting = all.subList(start, Math.min(all.size(), start + size));
			Map<DeploymentId, List<Approval>> decisions = awaiting.isEmpty() ? Map.of()
					: this.approvals.of(org, awaiting.stream().map(Deployment::id).toList());
			Map<EnvironmentId, ApprovalPolicy> policies = awaiting.isEmpty() ? Map.of()
					: policies(org, awaiting.stream().map(Deployment::environmentId).distinct().toList());
			// What every card reads, read for the page at once: places, what is live, the
			// commits and the config revisions each card compares.
			Map<EnvironmentId, DeploymentPlace> places = new java.util.HashMap<>();
			this.places.addPlacesOf(org, awaiting, places);
			Map<EnvironmentId, Deployment> live = awaiting.isEmpty() ? Map.of() : this.deployments
				.liveByEnvironment(org, awaiting.stream().map(Deployment::environmentId).distinct().toList());
			ViewConfig.Differ differ = this.viewConfig.differ(caller);
			List<CodeChanges.Range> ranges = new ArrayList<>();
			List<ConfigRevisions.Numbered> revisions = new ArrayList<>();
			for (Deployment deployment : awaiting) {
				DeploymentPlace place = placeIn(places, org, deployment);
				Base base = base(deployment, live::get, place);
				Artifact artifact = this.knownArtifacts.artifact(org, deployment.artifactId()).orElse(null);
				Artifact from = (base.artifactId() != null)
						? this.knownArtifacts.artifact(org, base.artifactId()).orElse(null) : null;
				if (artifact != null) {
					ranges.add(new CodeChanges.Range(place.project().id(), (from != null) ? from.commitSha() : null,
							artifact.commitSha()));
				}
				if (base.revision() != null && deployment.configRevision() != null) {
					ConfigScope scope = new ConfigScope(place.project().id(), place.environment().id());
					revisions.add(new ConfigRevisions.Numbered(scope, base.revision()));
					revisions.add(new ConfigRevisions.Numbered(scope, deployment.configRevision()));
				}
			}
			Map<CodeChanges.Range, List<CodeChange>> commits = new java.util.HashMap<>();
			List<List<CodeChange>> read = this.codeChanges.commitsBetween(org, ranges);
			for (int i = 0; i < ranges.size(); i++) {
				commits.put(ranges.get(i), read.get(i));
			}
			differ.preload(revisions);
			List<Detail> queue = new ArrayList<>();
			for (Deployment deployment : awaiting) {
				DeploymentPlace place = placeIn(places, org, deployment);
				ApprovalPolicy policy = policies.get(deployment.environmentId());
				queue.add(detail(caller, org, place, deployment, now, false,
						decisions.getOrDefault(deployment.id(), List.of()),
						(policy != null) ? policy : this.policies.of(org, place.environment()), live::get, differ,
						(range) -> {
							List<CodeChange> known = commits.get(range);
							return (known != null) ? known : this.codeChanges.commitsBetween(org, range.project(),
									range.fromSha(), range.toSha());
						}));
			}
			DeploymentId next = (start + awaiting.size() < all.size()) ? awaiting.getLast().id() : null;
			return new QueuePage(queue, start + 1, all.size(), next);
		});
	}

	/**
	 * A page of the approval queue.
	 *
	 * @param requests the requests on it, in full
	 * @param from the 1-based position of the first among all waiting
	 * @param total how many requests wait
	 * @param next the request the next page starts after, when there are more
	 */
	public record QueuePage(List<Detail> requests, int from, int total, @Nullable DeploymentId next) {

		public int to() {
			return this.from + this.requests.size() - 1;
		}

		/** Such as "Requests 1–40 of 60", counting from the first request on screen. */
		public String range(int shownFrom) {
			return "Requests " + shownFrom + "–" + to() + " of " + this.total;
		}

		/** Such as "Show the next 20 requests". */
		public String more() {
			int count = Math.min(this.requests.size(), this.total - to());
			return (count == 1) ? "Show the last request" : "Show the next " + count + " requests";
		}

	}

	public int awaitingApprovalCount(Caller caller) {
		return this.transactions.inTenant(caller.orgId(), () -> this.deployments.countAwaitingApproval(caller.orgId()));
	}

	/** Emergency deployments nobody has reviewed yet, oldest first. */
	public List<Summary> reviewQueue(Caller caller) {
		caller.require(Permission.VIEW_PROJECTS);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org,
				() -> this.deployments.unreviewedEmergencies(org)
					.stream()
					.map((d) -> summary(org, d, this.places.placeOf(org, d)))
					.toList());
	}

	/**
	 * How many emergency deployments nobody has reviewed were requested before
	 * {@code flagged}: the count of {@link #reviewQueue} without reading their places
	 * (one query).
	 */
	public long unreviewedBefore(Caller caller, Instant flagged) {
		caller.require(Permission.VIEW_PROJECTS);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org,
				() -> this.deployments.unreviewedEmergencies(org)
					.stream()
					.filter((d) -> d.requestedAt().isBefore(flagged))
					.count());
	}

	/**
	 * The live deployment of every environment of every project that has one, keyed by
	 * environment id (one query for the whole organization).
	 */
	public Map<String, Summary> liveByEnvironment(Caller caller, List<ProjectWithEnvironments> projects) {
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			Map<EnvironmentId, Deployment> liveAll = this.deployments.liveByEnvironment(org, environmentIds(projects));
			Map<String, Summary> live = new LinkedHashMap<>();
			for (ProjectWithEnvironments project : projects) {
				for (Environment environment : project.environments()) {
					Deployment deployment = liveAll.get(environment.id());
					if (deployment != null) {
						live.put(environment.id().toString(),
								summary(org, deployment, new DeploymentPlace(project.project(), environment)));
					}
				}
			}
			return live;
		});
	}

	/**
	 * What happens on an environment besides what is live: the deployments not finished
	 * yet (oldest first) and the last one that ran (succeeded or failed).
	 */
	public record Activity(List<Summary> unfinished, @Nullable Summary lastRun) {

		public boolean lastRunFailed() {
			return this.lastRun != null && this.lastRun.status() == DeploymentStatus.FAILED;
		}

		/** The running deployment, if one is. */
		public @Nullable Summary running() {
			return this.unfinished.stream()
				.filter((s) -> s.status() == DeploymentStatus.RUNNING)
				.findFirst()
				.orElse(null);
		}

		/** Approved and waiting for its time or window. */
		public long queued() {
			return this.unfinished.stream().filter((s) -> s.status().isPending()).count();
		}

		public long awaitingApproval() {
			return this.unfinished.stream().filter((s) -> s.status() == DeploymentStatus.AWAITING_APPROVAL).count();
		}

	}

	/**
	 * The activity of every environment of these projects, keyed by environment id (two
	 * queries for the whole organization).
	 */
	public Map<String, Activity> activityByEnvironment(Caller caller, List<ProjectWithEnvironments> projects) {
		caller.require(Permission.VIEW_PROJECTS);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			Map<EnvironmentId, List<Deployment>> unfinished = new LinkedHashMap<>();
			for (Deployment deployment : this.deployments.unfinished(org)) {
				unfinished.computeIfAbsent(deployment.environmentId(), (id) -> new ArrayList<>()).add(deployment);
			}
			Map<EnvironmentId, Deployment> lastRun = this.deployments.lastRunByEnvironment(org,
					environmentIds(projects));
			Map<String, Activity> activity = new LinkedHashMap<>();
			for (ProjectWithEnvironments project : projects) {
				for (Environment environment : project.environments()) {
					DeploymentPlace place = new DeploymentPlace(project.project(), environment);
					List<Summary> open = unfinished.getOrDefault(environment.id(), List.of())
						.stream()
						.map((d) -> summary(org, d, place))
						.toList();
					Deployment last = lastRun.get(environment.id());
					activity.put(environment.id().toString(),
							new Activity(open, (last != null) ? summary(org, last, place) : null));
				}
			}
			return activity;
		});
	}

	/**
	 * Everything about one deployment; its own timeline only when asked
	 * ({@code timeline}), since the queue shows none.
	 */
	private static List<EnvironmentId> environmentIds(List<ProjectWithEnvironments> projects) {
		return projects.stream().flatMap((p) -> p.environments().stream()).map(Environment::id).toList();
	}

	/**
	 * What a request is compared with: the deployment live on its environment while it
	 * has not started, else the one it replaced.
	 */
	private record Base(@Nullable Deployment live, @Nullable ArtifactId artifactId, @Nullable Integer revision) {
	}

	private static Base base(Deployment deployment,
			java.util.function.Function<EnvironmentId, @Nullable Deployment> liveOf, DeploymentPlace place) {
		boolean started = deployment.startedAt() != null || deployment.status().isFinished();
		Deployment live = started ? null : liveOf.apply(place.environment().id());
		return (live != null) ? new Base(live, live.artifactId(), live.configRevision())
				: new Base(null, deployment.previousArtifactId(), deployment.previousConfigRevision());
	}

	private DeploymentPlace placeIn(Map<EnvironmentId, DeploymentPlace> places, OrgId org, Deployment deployment) {
		return places.computeIfAbsent(deployment.environmentId(), (id) -> this.places.placeOf(org, deployment));
	}

	private Detail detail(Caller caller, OrgId org, DeploymentPlace place, Deployment deployment, Instant now,
			boolean withTimeline, List<Approval> decisions, ApprovalPolicy policy,
			java.util.function.Function<EnvironmentId, @Nullable Deployment> liveOf, ViewConfig.Differ differ,
			java.util.function.Function<CodeChanges.Range, List<CodeChange>> commitsOf) {
		Artifact artifact = this.knownArtifacts.artifact(org, deployment.artifactId())
			.orElseThrow(() -> new NotFoundException("The artifact of this deployment is gone."));
		Base from = base(deployment, liveOf, place);
		Deployment live = from.live();
		Integer baseRevision = from.revision();
		Artifact base = (from.artifactId() != null) ? this.knownArtifacts.artifact(org, from.artifactId()).orElse(null)
				: null;
		List<CodeChange> commits = commitsOf.apply(new CodeChanges.Range(place.project().id(),
				(base != null) ? base.commitSha() : null, artifact.commitSha()));
		ViewConfig.@Nullable Diff diff = null;
		if (baseRevision != null && deployment.configRevision() != null) {
			diff = differ.diff(new ConfigScope(place.project().id(), place.environment().id()), baseRevision,
					deployment.configRevision());
		}
		List<ApprovalView> approvals = decisions.stream()
			.map((a) -> new ApprovalView(a, a.countsFor(deployment, now), a.isVoidedBy(deployment),
					a.decision() == Approval.Decision.APPROVE && !a.isVoidedBy(deployment)
							&& !now.isBefore(a.expiresAt())
							&& deployment.status() == DeploymentStatus.AWAITING_APPROVAL))
			.toList();
		int given = approvalsGiven(deployment, approvals, now);
		DeployTarget target = this.targets.of(org, place.environment().id());
		boolean request = caller.can(Permission.REQUEST_DEPLOYMENTS);
		boolean awaiting = deployment.status() == DeploymentStatus.AWAITING_APPROVAL;
		boolean decided = approvals.stream()
			.anyMatch((a) -> !a.voided() && a.approval().approverId().equals(caller.userId())
					&& now.isBefore(a.approval().expiresAt()));
		boolean ownRequest = deployment.requestedByUser().equals(caller.userId());
		Actions actions = new Actions(
				awaiting && !decided && policy.letsDecide(caller.role()) && (policy.allowSelfApproval() || !ownRequest),
				request && (awaiting || deployment.status().isPending()),
				request && deployment.status().canBecome(DeploymentStatus.CANCELLED),
				request && deployment.status() == DeploymentStatus.RUNNING,
				deployment.awaitsReview() && caller.can(Permission.APPROVE_DEPLOYMENTS)
						&& !deployment.requestedByUser().equals(caller.userId()),
				notDeciding(policy, caller, approvals, ownRequest));
		List<AuditEvent> timeline = withTimeline ? this.auditLog.ofTarget(org, deployment.id().toString(), 500)
				: List.of();
		Summary liveSummary = (live != null) ? summary(org, live, place) : null;
		return new Detail(summary(org, deployment, place), artifact, liveSummary, base, commits, diff, approvals, given,
				policy, target, timeline, actions);
	}

	/**
	 * Why the caller does not decide on a request whatever its status: their role, a
	 * decision of theirs that stands (expired or not), or their own request under a gate
	 * without self-approval.
	 */
	private static @Nullable NotDeciding notDeciding(ApprovalPolicy policy, Caller caller, List<ApprovalView> approvals,
			boolean ownRequest) {
		if (!policy.letsDecide(caller.role())) {
			return NotDeciding.ROLE;
		}
		if (approvals.stream().anyMatch((a) -> !a.voided() && a.approval().approverId().equals(caller.userId()))) {
			return NotDeciding.DECIDED;
		}
		if (ownRequest && !policy.allowSelfApproval()) {
			return NotDeciding.OWN_REQUEST;
		}
		return null;
	}

	/**
	 * Whether a member other than the caller decides under this gate: when nobody does, a
	 * person working alone cannot pass it without allowing self-approval.
	 */
	public boolean anotherMemberDecides(Caller caller, ApprovalPolicy policy) {
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> this.members.list(org)
			.stream()
			.anyMatch((member) -> !member.userId().equals(caller.userId()) && policy.letsDecide(member.role())));
	}

	/**
	 * The approvals that count: while the request gathers them, those valid now; once it
	 * passed the gate, those that were valid when the last one came in.
	 */
	static int approvalsGiven(Deployment deployment, List<ApprovalView> approvals, Instant now) {
		List<Approval> current = approvals.stream()
			.map(ApprovalView::approval)
			.filter((a) -> a.decision() == Approval.Decision.APPROVE && !a.isVoidedBy(deployment))
			.toList();
		Instant at = (deployment.status() == DeploymentStatus.AWAITING_APPROVAL) ? now
				: current.stream().map(Approval::decidedAt).max(Instant::compareTo).orElse(now);
		return (int) current.stream()
			.filter((a) -> !a.decidedAt().isAfter(at) && at.isBefore(a.expiresAt()))
			.map(Approval::approverId)
			.distinct()
			.count();
	}

	private Summary summary(OrgId org, Deployment deployment, DeploymentPlace place) {
		return new Summary(deployment, place, this.knownArtifacts.version(org, deployment.artifactId()));
	}

}
