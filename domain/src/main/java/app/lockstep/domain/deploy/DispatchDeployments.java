package app.lockstep.domain.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.window.WindowDecision;

/**
 * The scheduler's work: start the deployments that are due, exactly once, and fail those
 * that ran past their environment's limit.
 * <p>
 * {@link #due} reads the ids of due deployments across organizations; {@link #start}
 * handles one in a unit of work bound to its organization that first claims the row
 * ({@code FOR UPDATE SKIP LOCKED}): another instance handling it, or a person cancelling
 * it, holds the row, and this one skips it. The claim is held until the delivery has been
 * answered and the new status is committed, so a deployment is handed over once; if the
 * instance dies first, the transaction rolls back and the deployment is still due
 * (nothing is lost; the receiver sees the same {@code X-Lockstep-Delivery} id again).
 * <p>
 * At its time the windows are checked again (emergencies excepted): a closed window holds
 * the deployment in {@code waiting_for_window} until the next open instant; approvals
 * given stay valid. A {@code manual} target is marked running for a person to finish; a
 * {@code webhook} target is posted to: 2xx means running, network errors and 5xx are
 * retried with exponential backoff, and after the last attempt (or a 4xx) it fails with
 * the reason.
 */
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

	private final DeploymentSupport support;

	private final DueDeployments dueDeployments;

	private final DeployerClient client;

	private final DeployTargetSecrets secrets;

	private final RetryPolicy retry;

	public DispatchDeployments(DeploymentSupport support, DueDeployments dueDeployments, DeployerClient client,
			DeployTargetSecrets secrets, RetryPolicy retry) {
		this.support = support;
		this.dueDeployments = dueDeployments;
		this.client = client;
		this.secrets = secrets;
		this.retry = retry;
	}

	/** The pending deployments due now, oldest due first. */
	public List<DueDeployments.Due> due(int limit) {
		Instant now = this.support.now();
		return this.support.transactions.forScheduler(() -> this.dueDeployments.pendingDue(now, limit));
	}

	/** The running deployments past their deadline. */
	public List<DueDeployments.Due> overdue(int limit) {
		Instant now = this.support.now();
		return this.support.transactions.forScheduler(() -> this.dueDeployments.overdue(now, limit));
	}

	/** Starts one due deployment, unless another instance or a person holds it. */
	public Outcome start(DueDeployments.Due due) {
		OrgId org = due.org();
		return this.support.transactions.inTenant(org, () -> {
			Instant now = this.support.now();
			Deployment deployment = this.support.deployments.tryLock(org, due.id()).orElse(null);
			if (deployment == null || !deployment.status().isPending() || deployment.dueAt() == null
					|| deployment.dueAt().isAfter(now)) {
				return Outcome.SKIPPED;
			}
			DeploymentPlace place = placeOf(org, deployment);
			if (!deployment.emergency()) {
				WindowDecision decision = this.support.window(org, place.environment(), now);
				if (!decision.open()) {
					return hold(org, deployment, place, decision, now);
				}
			}
			DeployTarget target = this.support.target(org, place.environment());
			if (target.type() == DeployTarget.Type.MANUAL) {
				return started(org, deployment, place, target, now, "manual: waiting for a person to finish it");
			}
			DeployerClient.Result result = deliver(org, deployment, place, target);
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
				this.support.update(org, retrying);
				this.support.audit(org, SCHEDULER, "delivery_failed", retrying, place,
						(e) -> e.detail("attempt", attempts)
							.detail("error", result.detail())
							.detail("nextAttemptAt", next.toString()));
				return Outcome.RETRYING;
			}
			String reason = "Delivery to the deployer failed after " + attempts + " attempt"
					+ ((attempts == 1) ? "" : "s") + ": " + result.detail();
			Deployment failed = deployment.withAttempt(attempts, result.detail())
				.withFinished(DeploymentStatus.FAILED, now, reason, null);
			this.support.update(org, failed);
			this.support.audit(org, SCHEDULER, "failed", failed, place, (e) -> e.detail("message", reason));
			return Outcome.FAILED;
		});
	}

	/** Fails one running deployment whose deadline passed without a final report. */
	public Outcome timeOut(DueDeployments.Due due) {
		OrgId org = due.org();
		return this.support.transactions.inTenant(org, () -> {
			Instant now = this.support.now();
			Deployment deployment = this.support.deployments.tryLock(org, due.id()).orElse(null);
			if (deployment == null || deployment.status() != DeploymentStatus.RUNNING || deployment.deadlineAt() == null
					|| deployment.deadlineAt().isAfter(now)) {
				return Outcome.SKIPPED;
			}
			DeploymentPlace place = placeOf(org, deployment);
			long minutes = Duration.between(deployment.startedAt(), deployment.deadlineAt()).toMinutes();
			String reason = "Timed out: no final status within " + minutes + " minutes of starting.";
			Deployment failed = deployment.withFinished(DeploymentStatus.FAILED, now, reason, null);
			this.support.update(org, failed);
			this.support.audit(org, SCHEDULER, "failed", failed, place,
					(e) -> e.detail("message", reason).detail("timedOut", true));
			return Outcome.FAILED;
		});
	}

	private Outcome hold(OrgId org, Deployment deployment, DeploymentPlace place, WindowDecision decision,
			Instant now) {
		Readiness readiness = Readiness.of(now, false, decision);
		Deployment waiting = deployment.withStatus(DeploymentStatus.WAITING_FOR_WINDOW, now)
			.withDue(readiness.dueAt(), readiness.blockedBy());
		this.support.update(org, waiting);
		this.support.auditReadiness(org, SCHEDULER, waiting, place);
		return Outcome.WAITING;
	}

	private Outcome started(OrgId org, Deployment deployment, DeploymentPlace place, DeployTarget target, Instant now,
			String detail) {
		Deployment running = deployment.withStarted(now, now.plus(target.timeout()));
		List<String> commits = commitsBrought(org, running, place);
		this.support.update(org, running);
		this.support.audit(org, SCHEDULER, "started", running, place,
				(e) -> e.detail("target", target.type().value())
					.detail("detail", detail)
					.detail("deadlineAt", running.deadlineAt().toString())
					.detail("commitCount", commits.size())
					.detail("commits", commits.subList(0, Math.min(commits.size(), COMMITS_RECORDED))));
		return Outcome.STARTED;
	}

	/**
	 * The commits this deployment brings over what is live when it starts, as "short sha
	 * first line", newest first: what the audit trail and the timeline show it deployed.
	 */
	private List<String> commitsBrought(OrgId org, Deployment deployment, DeploymentPlace place) {
		Artifact artifact = this.support.artifact(org, deployment.artifactId()).orElse(null);
		if (artifact == null) {
			return List.of();
		}
		String liveSha = this.support.deployments.live(org, place.environment().id())
			.flatMap((live) -> this.support.artifact(org, live.artifactId()))
			.map(Artifact::commitSha)
			.orElse(null);
		return this.support.codeChanges.commitsBetween(org, place.project().id(), liveSha, artifact.commitSha())
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

	private DeployerClient.Result deliver(OrgId org, Deployment deployment, DeploymentPlace place,
			DeployTarget target) {
		Artifact artifact = this.support.artifact(org, deployment.artifactId())
			.orElseThrow(() -> new IllegalStateException("Artifact of " + deployment.id() + " is gone"));
		String orgSlug = this.support.organizationSlug(org);
		String configPath = "/api/v1/orgs/" + orgSlug + "/projects/" + place.projectSlug() + "/environments/"
				+ place.environmentName() + "/config"
				+ ((deployment.configRevision() != null) ? "?revision=" + deployment.configRevision() : "");
		DeployerClient.Payload payload = new DeployerClient.Payload(deployment.id().toString(), orgSlug,
				place.projectSlug(), place.environmentName(), artifact.version(), artifact.commitSha(),
				artifact.digest(), deployment.configRevision(), configPath, deployment.emergency());
		String secret;
		try {
			secret = this.secrets.open(org, place.environment().id(), target.secret());
		}
		catch (RuntimeException ex) {
			return DeployerClient.Result.refused("the deploy target's signing secret cannot be decrypted with the "
					+ "configured secrets keys (were they changed?); set the secret again on the deployment settings");
		}
		try {
			return this.client.deliver(target.url(), secret, deployment.deliveryId(), payload);
		}
		catch (RuntimeException ex) {
			return DeployerClient.Result.retry(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private DeploymentPlace placeOf(OrgId org, Deployment deployment) {
		return this.support.placeOf(org, deployment);
	}

}
