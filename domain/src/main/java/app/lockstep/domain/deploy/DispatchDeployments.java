package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.tenancy.Organizations;
import app.lockstep.domain.window.WindowCheck;
import app.lockstep.domain.window.WindowDecision;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * The scheduler's work: start the deployments that are due, exactly once, and fail those
 * that ran past their environment's limit.
 * <p>
 * {@link #due} reads the ids of due deployments across organizations (those not claimed
 * by a live dispatcher); {@link #start} handles one: a short unit of work bound to its
 * organization locks the row ({@code FOR UPDATE SKIP LOCKED}: another instance handling
 * it, or a person changing it, holds the row, and this one skips it), checks it is still
 * due and unclaimed, and claims it ({@code claim_token}, {@code claimed_until = now +
 * lease}). The delivery is then made without holding the row, the claim renewed every
 * third of the lease while the deployer answers, and the outcome recorded in a second
 * short unit of work only if the claim is still this dispatcher's. If the instance dies,
 * its claim stops being renewed and expires within the lease (5 s by default): the next
 * poll of any instance claims the deployment again and delivers it with the same
 * {@code X-Lockstep-Delivery} id (nothing is lost; the receiver de-duplicates). While a
 * claim holds, changing or cancelling the deployment is refused (409) and a status report
 * waits for the delivery to be recorded.
 * <p>
 * At its time the windows are checked again (emergencies excepted): a closed window holds
 * the deployment in {@code waiting_for_window} until the next open instant; approvals
 * given stay valid. A {@code manual} target is marked running for a person to finish; a
 * {@code webhook} target is posted to: 2xx means running, network errors and 5xx are
 * retried with exponential backoff, and after the last attempt (or a 4xx) it fails with
 * the reason.
 */
@UseCase
public final class DispatchDeployments {

	/**
	 * How delivery attempts are spaced: {@code base}, then doubling, {@code attempts} in
	 * all.
	 */
	public record RetryPolicy(int attempts, Duration base) {

		public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(10));

		Duration delayAfter(int failedAttempts) {
			return this.base.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
		}

	}

	public enum Outcome {

		/** Another instance or a person held it, or it was no longer due. */
		SKIPPED,
		/** Handed to the target (or marked running for a person). */
		STARTED,
		/** Its window is closed: it waits for the next open instant. */
		WAITING,
		/** The delivery failed and will be tried again. */
		RETRYING,
		/** The delivery failed for good, or it timed out. */
		FAILED

	}

	private static final Actor SCHEDULER = Actor.system("scheduler");

	/**
	 * How many of the commits a deployment brings its audit event lists (all are
	 * counted).
	 */
	static final int COMMITS_RECORDED = 20;

	private final DeploymentPlaces places;

	private final Deployments deployments;

	private final DueDeployments dueDeployments;

	private final WindowCheck windows;

	private final DeployTargets targets;

	private final KnownArtifacts artifacts;

	private final CodeChanges codeChanges;

	private final Organizations organizations;

	private final DeployTargetSecrets secrets;

	private final DeployerClient client;

	private final DeploymentUpdates updates;

	private final Transactions transactions;

	private final Clock clock;

	private final RetryPolicy retry;

	/** How long a claim lasts unless renewed. */
	private final Duration lease;

	/** Where deliveries wait for their answer while the claiming thread renews. */
	private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();

	public DispatchDeployments(DeploymentPlaces places, Deployments deployments, DueDeployments dueDeployments,
			WindowCheck windows, DeployTargets targets, KnownArtifacts artifacts, CodeChanges codeChanges,
			Organizations organizations, DeployTargetSecrets secrets, DeployerClient client, DeploymentUpdates updates,
			Transactions transactions, Clock clock, DeliverySettings settings) {
		this.places = places;
		this.deployments = deployments;
		this.dueDeployments = dueDeployments;
		this.windows = windows;
		this.targets = targets;
		this.artifacts = artifacts;
		this.codeChanges = codeChanges;
		this.organizations = organizations;
		this.secrets = secrets;
		this.client = client;
		this.updates = updates;
		this.transactions = transactions;
		this.clock = clock;
		this.retry = settings.retry();
		this.lease = settings.lease();
	}

	/** The pending deployments due now, oldest due first. */
	public List<DueDeployments.Due> due(int limit) {
		Instant now = this.clock.instant();
		return this.transactions.forScheduler(() -> this.dueDeployments.pendingDue(now, limit));
	}

	/** The running deployments past their deadline. */
	public List<DueDeployments.Due> overdue(int limit) {
		Instant now = this.clock.instant();
		return this.transactions.forScheduler(() -> this.dueDeployments.overdue(now, limit));
	}

	/**
	 * Starts one due deployment, unless another instance holds it. A webhook delivery is
	 * made under a claim ({@link #lease}), not under the row lock: see the class comment.
	 */
	public Outcome start(DueDeployments.Due due) {
		OrgId org = due.org();
		Claim taken = this.transactions.inTenant(org, () -> claim(org, due));
		if (!(taken instanceof Claim.Taken claim)) {
			return ((Claim.Done) taken).outcome();
		}
		DeployerClient.Result result = deliverUnderClaim(org, claim);
		if (result == null) {
			// Interrupted (shutting down): the claim is left to expire, and another
			// instance delivers it again with the same delivery id.
			return Outcome.SKIPPED;
		}
		return this.transactions.inTenant(org, () -> finish(org, claim, result));
	}

	/**
	 * In a short transaction: the deployment locked (SKIP LOCKED), still due and not
	 * claimed by another dispatcher, its windows checked; a manual target started at
	 * once; for a webhook, everything the delivery needs read and the deployment claimed
	 * until {@code now + lease}.
	 */
	private Claim claim(OrgId org, DueDeployments.Due due) {
		Instant now = this.clock.instant();
		Deployment deployment = this.deployments.tryLockUnclaimed(org, due.id(), now).orElse(null);
		if (deployment == null || !deployment.status().isPending() || deployment.dueAt() == null
				|| deployment.dueAt().isAfter(now)) {
			return Claim.done(Outcome.SKIPPED);
		}
		DeploymentPlace place = placeOf(org, deployment);
		if (!deployment.emergency()) {
			WindowDecision decision = this.windows.check(org, place.environment(), now);
			if (!decision.open()) {
				return Claim.done(hold(org, deployment, place, decision, now));
			}
		}
		DeployTarget target = this.targets.of(org, place.environment().id());
		if (target.type() == DeployTarget.Type.MANUAL) {
			return Claim
				.done(started(org, deployment, place, target, now, "manual: waiting for a person to finish it"));
		}
		Delivery delivery;
		try {
			delivery = delivery(org, deployment, place, target);
		}
		catch (UndeliverableException ex) {
			return Claim.done(outcome(org, deployment, place, target, ex.result(), now));
		}
		UUID token = UUID.randomUUID();
		this.deployments.claim(org, deployment.id(), token, now.plus(this.lease));
		return new Claim.Taken(deployment.id(), token, place, target, delivery);
	}

	/**
	 * Delivers outside any transaction, renewing the claim every third of the lease while
	 * the deployer takes its time (each renewal a short transaction of its own). Null
	 * when interrupted.
	 */
	private DeployerClient.@Nullable Result deliverUnderClaim(OrgId org, Claim.Taken claim) {
		Delivery delivery = claim.delivery();
		Future<DeployerClient.Result> answer = this.deliveries.submit(() -> {
			try {
				return this.client.deliver(delivery.url(), delivery.secret(), delivery.deliveryId(),
						delivery.payload());
			}
			catch (RuntimeException ex) {
				return DeployerClient.Result.retry(ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
		});
		long renewEvery = Math.max(1, this.lease.toNanos() / 3);
		while (true) {
			try {
				return answer.get(renewEvery, TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				renew(org, claim);
			}
			catch (ExecutionException ex) {
				return DeployerClient.Result.retry(String.valueOf(ex.getCause()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
	}

	private void renew(OrgId org, Claim.Taken claim) {
		try {
			this.transactions.inTenant(org, () -> this.deployments.renewClaim(org, claim.deployment(), claim.token(),
					this.clock.instant().plus(this.lease)));
		}
		catch (RuntimeException ex) {
			// The database is unreachable for a moment: the claim may lapse, and then
			// finishing is refused (another instance will have delivered it again).
		}
	}

	/**
	 * Records the deployer's answer, if the claim is still this dispatcher's: when it
	 * lapsed and another instance claimed the deployment, that instance records the
	 * outcome of its own delivery (same delivery id) and this one changes nothing.
	 */
	private Outcome finish(OrgId org, Claim.Taken claim, DeployerClient.Result result) {
		Instant now = this.clock.instant();
		Deployment deployment = this.deployments.lockAndRelease(org, claim.deployment(), claim.token()).orElse(null);
		if (deployment == null || !deployment.status().isPending()) {
			return Outcome.SKIPPED;
		}
		return outcome(org, deployment, claim.place(), claim.target(), result, now);
	}

	/** What a delivery's answer makes of the deployment: running, retrying or failed. */
	private Outcome outcome(OrgId org, Deployment deployment, DeploymentPlace place, DeployTarget target,
			DeployerClient.Result result, Instant now) {
		if (result.accepted()) {
			return started(org, deployment.withAttempt(deployment.dispatchAttempts() + 1, null), place, target, now,
					result.detail());
		}
		int attempts = deployment.dispatchAttempts() + 1;
		if (result.retryable() && attempts < this.retry.attempts()) {
			Instant next = now.plus(this.retry.delayAfter(attempts));
			Deployment retrying = deployment.withAttempt(attempts, result.detail())
				.withStatus(DeploymentStatus.SCHEDULED, now)
				.withDue(next, null);
			this.updates.update(org, retrying);
			this.updates.audit(org, SCHEDULER, "delivery_failed", retrying, place,
					(e) -> e.detail("attempt", attempts)
						.detail("error", result.detail())
						.detail("nextAttemptAt", next.toString()));
			return Outcome.RETRYING;
		}
		String reason = "Delivery to the deployer failed after " + attempts + " attempt" + ((attempts == 1) ? "" : "s")
				+ ": " + result.detail();
		Deployment failed = deployment.withAttempt(attempts, result.detail())
			.withFinished(DeploymentStatus.FAILED, now, reason, null);
		this.updates.update(org, failed);
		this.updates.audit(org, SCHEDULER, "failed", failed, place, (e) -> e.detail("message", reason));
		return Outcome.FAILED;
	}

	/** A claimed delivery, or the outcome when there is nothing to deliver. */
	private sealed interface Claim {

		static Claim done(Outcome outcome) {
			return new Done(outcome);
		}

		/** Nothing to deliver (or not now): what became of the deployment. */
		record Done(Outcome outcome) implements Claim {
		}

		/** The deployment is this dispatcher's until the lease ends: deliver it. */
		record Taken(DeploymentId deployment, UUID token, DeploymentPlace place, DeployTarget target,
				Delivery delivery) implements Claim {
		}

	}

	/** Everything one POST to the deployer needs, read while the claim was taken. */
	private record Delivery(String url, String secret, UUID deliveryId, DeployerClient.Payload payload) {
	}

	/** The delivery cannot even be attempted (the target's secret cannot be opened). */
	private static final class UndeliverableException extends RuntimeException {

		private final transient DeployerClient.Result result;

		UndeliverableException(DeployerClient.Result result) {
			super(result.detail(), null, false, false);
			this.result = result;
		}

		DeployerClient.Result result() {
			return this.result;
		}

	}

	/** Fails one running deployment whose deadline passed without a final report. */
	public Outcome timeOut(DueDeployments.Due due) {
		OrgId org = due.org();
		return this.transactions.inTenant(org, () -> {
			Instant now = this.clock.instant();
			Deployment deployment = this.deployments.tryLock(org, due.id()).orElse(null);
			if (deployment == null || deployment.status() != DeploymentStatus.RUNNING || deployment.deadlineAt() == null
					|| deployment.deadlineAt().isAfter(now)) {
				return Outcome.SKIPPED;
			}
			DeploymentPlace place = placeOf(org, deployment);
			long minutes = Duration.between(deployment.startedAt(), deployment.deadlineAt()).toMinutes();
			String reason = "Timed out: no final status within " + minutes + " minutes of starting.";
			Deployment failed = deployment.withFinished(DeploymentStatus.FAILED, now, reason, null);
			this.updates.update(org, failed);
			this.updates.audit(org, SCHEDULER, "failed", failed, place,
					(e) -> e.detail("message", reason).detail("timedOut", true));
			return Outcome.FAILED;
		});
	}

	private Outcome hold(OrgId org, Deployment deployment, DeploymentPlace place, WindowDecision decision,
			Instant now) {
		Readiness readiness = Readiness.of(now, false, decision);
		Deployment waiting = deployment.withStatus(DeploymentStatus.WAITING_FOR_WINDOW, now)
			.withDue(readiness.dueAt(), readiness.blockedBy());
		this.updates.update(org, waiting);
		this.updates.auditReadiness(org, SCHEDULER, waiting, place);
		return Outcome.WAITING;
	}

	private Outcome started(OrgId org, Deployment deployment, DeploymentPlace place, DeployTarget target, Instant now,
			String detail) {
		Instant deadline = now.plus(target.timeout());
		Deployment running = deployment.withStarted(now, deadline);
		List<String> commits = commitsBrought(org, running, place);
		this.updates.update(org, running);
		this.updates.audit(org, SCHEDULER, "started", running, place,
				(e) -> e.detail("target", target.type().value())
					.detail("detail", detail)
					.detail("deadlineAt", deadline.toString())
					.detail("commitCount", commits.size())
					.detail("commits", commits.subList(0, Math.min(commits.size(), COMMITS_RECORDED))));
		return Outcome.STARTED;
	}

	/**
	 * The commits this deployment brings over what is live when it starts, as "short sha
	 * first line", newest first: what the audit trail and the timeline show it deployed.
	 */
	private List<String> commitsBrought(OrgId org, Deployment deployment, DeploymentPlace place) {
		Artifact artifact = this.artifacts.artifact(org, deployment.artifactId()).orElse(null);
		if (artifact == null) {
			return List.of();
		}
		String liveSha = this.deployments.live(org, place.environment().id())
			.flatMap((live) -> this.artifacts.artifact(org, live.artifactId()))
			.map(Artifact::commitSha)
			.orElse(null);
		return this.codeChanges.commitsBetween(org, place.project().id(), liveSha, artifact.commitSha())
			.stream()
			.map((c) -> c.sha().substring(0, 7) + " " + firstLine(c.message()))
			.toList();
	}

	private static String firstLine(@org.jspecify.annotations.Nullable String message) {
		if (message == null) {
			return "";
		}
		int end = message.indexOf('\n');
		String line = (end >= 0) ? message.substring(0, end) : message;
		return (line.length() > 120) ? line.substring(0, 119) + "…" : line;
	}

	private Delivery delivery(OrgId org, Deployment deployment, DeploymentPlace place, DeployTarget target) {
		Artifact artifact = this.artifacts.artifact(org, deployment.artifactId())
			.orElseThrow(() -> new IllegalStateException("Artifact of " + deployment.id() + " is gone"));
		String orgSlug = this.organizations.findById(org).map(Organization::slug).orElse(org.toString());
		String configPath = "/api/v1/orgs/" + orgSlug + "/projects/" + place.projectSlug() + "/environments/"
				+ place.environmentName() + "/config"
				+ ((deployment.configRevision() != null) ? "?revision=" + deployment.configRevision() : "");
		DeployerClient.Payload payload = new DeployerClient.Payload(deployment.id().toString(), orgSlug,
				place.projectSlug(), place.environmentName(), artifact.version(), artifact.commitSha(),
				artifact.digest(), deployment.configRevision(), configPath, deployment.emergency());
		String secret;
		try {
			// a webhook target has its signing secret; a missing one cannot be opened
			// either
			secret = this.secrets.open(org, place.environment().id(), Objects.requireNonNull(target.secret()));
		}
		catch (RuntimeException ex) {
			throw new UndeliverableException(DeployerClient.Result.refused("the deploy target's signing secret "
					+ "cannot be decrypted with the configured secrets keys (were they changed?); set the secret "
					+ "again on the deployment settings"));
		}
		return new Delivery(Objects.requireNonNull(target.url(), "a webhook target has its URL"), secret,
				deployment.deliveryId(), payload);
	}

	private DeploymentPlace placeOf(OrgId org, Deployment deployment) {
		return this.places.placeOf(org, deployment);
	}

}
