package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.Artifacts;
import app.lockstep.domain.config.ConfigRevisions;
import app.lockstep.domain.config.ConfigScope;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.window.WindowCheck;
import app.lockstep.domain.window.WindowDecision;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Changes what a pending request deploys or when: its artifact, config revision or
 * schedule. Any such change starts a new version of the request, which voids the
 * approvals given so far (they stay on record, marked void) and sends it back to the
 * gate. Only requests not yet started can change (409 otherwise).
 */
@UseCase
public final class ChangeDeployment {

	private final DeploymentPlaces places;

	private final Artifacts artifacts;

	private final KnownArtifacts knownArtifacts;

	private final ConfigRevisions revisions;

	private final ApprovalPolicies policies;

	private final PromotionCheck promotion;

	private final WindowCheck windows;

	private final Approvals approvals;

	private final DeploymentUpdates updates;

	private final Transactions transactions;

	private final Clock clock;

	public ChangeDeployment(DeploymentPlaces places, Artifacts artifacts, KnownArtifacts knownArtifacts,
			ConfigRevisions revisions, ApprovalPolicies policies, PromotionCheck promotion, WindowCheck windows,
			Approvals approvals, DeploymentUpdates updates, Transactions transactions, Clock clock) {
		this.places = places;
		this.artifacts = artifacts;
		this.knownArtifacts = knownArtifacts;
		this.revisions = revisions;
		this.policies = policies;
		this.promotion = promotion;
		this.windows = windows;
		this.approvals = approvals;
		this.updates = updates;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Absent fields stay as they are: {@code scheduleGiven} says whether
	 * {@code scheduledAt} was sent (null then means "as soon as allowed").
	 */
	public record Input(@Nullable String artifact, @Nullable Integer configRevision, boolean scheduleGiven,
			@Nullable Instant scheduledAt) {
	}

	public Deployment change(Caller caller, String projectSlug, String environmentName, DeploymentId id, Input input) {
		caller.require(Permission.REQUEST_DEPLOYMENTS);
		Instant now = this.clock.instant();
		Validation validation = new Validation();
		Instant scheduledAt = input.scheduledAt();
		if (input.scheduleGiven() && scheduledAt != null) {
			validation.check(!scheduledAt.isBefore(now.minus(RequestDeployment.SKEW)), "scheduledAt",
					"The time " + scheduledAt + " has passed; choose a later time, or null for as soon as allowed.");
			validation.check(!scheduledAt.isAfter(now.plus(RequestDeployment.MAX_AHEAD)), "scheduledAt",
					"Schedule deployments at most a year ahead.");
			if (!scheduledAt.isAfter(now)) {
				scheduledAt = null;
			}
		}
		validation.throwIfInvalid();
		Instant schedule = scheduledAt;
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			Deployment deployment = this.places.lock(org, place, id);
			if (!(deployment.status() == DeploymentStatus.AWAITING_APPROVAL || deployment.status().isPending())) {
				throw new StatusConflictException(deployment.status(), "change any more");
			}
			this.updates.requireNotBeingDelivered(org, deployment, this.clock.instant());
			var artifactId = deployment.artifactId();
			String version = RequestDeployment.trimToNull(input.artifact());
			if (version != null) {
				Artifact artifact = this.artifacts.artifact(org, place.project().id(), version)
					.orElseThrow(() -> new ValidationException("artifact",
							"No artifact \"" + version + "\" in " + place.projectSlug() + "."));
				artifactId = artifact.id();
				if (!artifactId.equals(deployment.artifactId())) {
					this.promotion.require(org, place, this.policies.of(org, place.environment()), artifact);
				}
			}
			Integer revision = deployment.configRevision();
			if (input.configRevision() != null) {
				if (this.revisions
					.find(org, new ConfigScope(place.project().id(), place.environment().id()), input.configRevision())
					.isEmpty()) {
					throw new ValidationException("configRevision",
							place.environmentName() + " has no config revision " + input.configRevision() + ".");
				}
				revision = input.configRevision();
			}
			Instant newSchedule = input.scheduleGiven() ? schedule : deployment.scheduledAt();
			if (artifactId.equals(deployment.artifactId()) && Objects.equals(revision, deployment.configRevision())
					&& Objects.equals(newSchedule, deployment.scheduledAt())) {
				return deployment;
			}
			ApprovalPolicy policy = this.policies.of(org, place.environment());
			int required = deployment.emergency() ? 0 : policy.requiredApprovals();
			Instant start = (newSchedule != null) ? newSchedule : now;
			WindowDecision decision = this.windows.check(org, place.environment(), start);
			if (!decision.open() && !deployment.emergency() && deployment.whenBlocked() == WhenBlocked.REJECT) {
				throw new WindowClosedException(place.environmentName(), start,
						Objects.requireNonNull(decision.blockedBy()), decision.nextOpenAt());
			}
			Readiness readiness = Readiness.of(start, deployment.emergency(), decision);
			DeploymentStatus status = (required > 0) ? DeploymentStatus.AWAITING_APPROVAL : readiness.status();
			long voided = this.approvals.of(org, deployment.id())
				.stream()
				.filter((a) -> a.requestVersion() == deployment.requestVersion()
						&& a.decision() == Approval.Decision.APPROVE)
				.count();
			Deployment changed = deployment.withChangedRequest(artifactId, revision, newSchedule, required, status, now)
				.withDue(readiness.dueAt(), readiness.blockedBy());
			this.updates.update(org, changed);
			Actor actor = caller.actor();
			String beforeVersion = this.knownArtifacts.version(org, deployment.artifactId());
			this.updates.audit(org, actor, "changed", changed, place,
					(e) -> e.detail("requestVersion", changed.requestVersion())
						.detail("approvalsVoided", voided)
						.changes(
								java.util.Map.of("artifact", beforeVersion, "configRevision",
										String.valueOf(deployment.configRevision()), "scheduledAt",
										String.valueOf(deployment.scheduledAt())),
								java.util.Map.of("artifact", this.knownArtifacts.version(org, changed.artifactId()),
										"configRevision", String.valueOf(changed.configRevision()), "scheduledAt",
										String.valueOf(changed.scheduledAt()))));
			if (required == 0) {
				this.updates.auditReadiness(org, actor, changed, place);
			}
			return changed;
		});
	}

}
