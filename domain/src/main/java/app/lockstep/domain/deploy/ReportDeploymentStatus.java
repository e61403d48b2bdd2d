package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * The deployer (or, for a manual target, a person) reports how a running deployment is
 * going: {@code running} with a progress message, then {@code succeeded} or
 * {@code failed}. On success the environment's live artifact and config revision become
 * this deployment's. A report on a deployment that is not running is a 409 with its
 * status.
 */
@UseCase
public final class ReportDeploymentStatus {

	public static final int MAX_MESSAGE = 2000;

	/**
	 * How long a report that arrives while its delivery is being recorded waits for it
	 * (longer than the deployer's delivery timeout of 10 s).
	 */
	static final Duration WAIT_FOR_DELIVERY = Duration.ofSeconds(15);

	private final DeploymentPlaces places;

	private final DeploymentUpdates updates;

	private final Transactions transactions;

	private final Clock clock;

	public ReportDeploymentStatus(DeploymentPlaces places, DeploymentUpdates updates, Transactions transactions,
			Clock clock) {
		this.places = places;
		this.updates = updates;
		this.transactions = transactions;
		this.clock = clock;
	}

	public record Input(@Nullable String status, @Nullable String message, @Nullable String logUrl) {
	}

	public Deployment report(Caller caller, String projectSlug, String environmentName, DeploymentId id, Input input) {
		caller.require(Permission.REQUEST_DEPLOYMENTS);
		Validation validation = new Validation();
		String statusText = RequestDeployment.trimToNull(input.status());
		DeploymentStatus reported = (statusText != null)
				? DeploymentStatus.fromValue(statusText.toLowerCase(Locale.ROOT)).orElse(null) : null;
		if (reported != DeploymentStatus.RUNNING && reported != DeploymentStatus.SUCCEEDED
				&& reported != DeploymentStatus.FAILED) {
			validation.add("status", "Report \"running\", \"succeeded\" or \"failed\".");
		}
		String message = RequestDeployment.trimToNull(input.message());
		validation.check(message == null || message.length() <= MAX_MESSAGE, "message",
				"Keep the message to " + MAX_MESSAGE + " characters or fewer.");
		String logUrl = RequestDeployment.trimToNull(input.logUrl());
		validation.check(logUrl == null || isWebAddress(logUrl), "logUrl", "Give the log's address as an http(s) URL.");
		validation.throwIfInvalid();
		DeploymentStatus status = Objects.requireNonNull(reported);
		OrgId org = caller.orgId();
		// A deployer may report before its answer to the delivery has been recorded (the
		// deployment is then still claimed, and not yet running): wait for that, a while.
		long giveUpAt = System.nanoTime() + WAIT_FOR_DELIVERY.toNanos();
		while (true) {
			try {
				return reportOnce(caller, projectSlug, environmentName, id, status, message, logUrl);
			}
			catch (DeliveryInProgressException ex) {
				if (System.nanoTime() - giveUpAt >= 0) {
					throw ex;
				}
				LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
				if (Thread.interrupted()) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	private Deployment reportOnce(Caller caller, String projectSlug, String environmentName, DeploymentId id,
			DeploymentStatus reported, @Nullable String message, @Nullable String logUrl) {
		OrgId org = caller.orgId();
		Instant now = this.clock.instant();
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			Deployment deployment = this.places.lock(org, place, id);
			this.updates.requireNotBeingDelivered(org, deployment, now);
			if (deployment.status() != DeploymentStatus.RUNNING) {
				throw new StatusConflictException(deployment.status(), "take a status report");
			}
			var actor = caller.actor();
			if (reported == DeploymentStatus.RUNNING) {
				Deployment progressed = deployment.withProgress(now, message, logUrl);
				this.updates.update(org, progressed);
				return progressed;
			}
			Deployment finished = deployment.withFinished(reported, now, message, logUrl);
			this.updates.update(org, finished);
			this.updates.audit(org, actor, reported.value(), finished, place,
					(e) -> e.detail("message", message).detail("logUrl", finished.logUrl()));
			return finished;
		});
	}

	static boolean isWebAddress(String value) {
		return Validation.isWebAddress(value);
	}

}
