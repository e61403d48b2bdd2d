package app.lockstep.domain.deploy;

import java.time.Instant;
import java.util.Objects;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.config.ConfigRevisions;
import app.lockstep.domain.config.ConfigScope;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.window.WindowDecision;
import org.jspecify.annotations.Nullable;

/**
 * Changes what a pending request deploys or when: its artifact, config revision or
 * schedule. Any such change starts a new version of the request, which voids the
 * approvals given so far (they stay on record, marked void) and sends it back to the
 * gate. Only requests not yet started can change (409 otherwise).
 */
public final class ChangeDeployment {

	private final DeploymentSupport support;

	private final ConfigRevisions revisions;

	public ChangeDeployment(DeploymentSupport support, ConfigRevisions revisions) {
		this.support = support;
		this.revisions = revisions;
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
		Instant now = this.support.now();
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
		return this.support.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.support.place(org, projectSlug, environmentName);
			Deployment deployment = this.support.lock(org, place, id);
			if (!(deployment.status() == DeploymentStatus.AWAITING_APPROVAL || deployment.status().isPending())) {
				throw new StatusConflictException(deployment.status(), "change any more");
			}
			this.support.requireNotBeingDelivered(org, deployment, this.support.now());
			var artifactId = deployment.artifactId();
			String version = RequestDeployment.trimToNull(input.artifact());
			if (version != null) {
				Artifact artifact = this.support.artifacts.artifact(org, place.project().id(), version)
					.orElseThrow(() -> new ValidationException("artifact",
							"No artifact \"" + version + "\" in " + place.projectSlug() + "."));
				artifactId = artifact.id();
				if (!artifactId.equals(deployment.artifactId())) {
					this.support.checkPromotion(org, place, this.support.policy(org, place.environment()), artifact);
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
			ApprovalPolicy policy = this.support.policy(org, place.environment());
			int required = deployment.emergency() ? 0 : policy.requiredApprovals();
			Instant start = (newSchedule != null) ? newSchedule : now;
			WindowDecision decision = this.support.window(org, place.environment(), start);
			if (!decision.open() && !deployment.emergency() && deployment.whenBlocked() == WhenBlocked.REJECT) {
				throw new WindowClosedException(place.environmentName(), start,
						Objects.requireNonNull(decision.blockedBy()), decision.nextOpenAt());
			}
			Readiness readiness = Readiness.of(start, deployment.emergency(), decision);
			DeploymentStatus status = (required > 0) ? DeploymentStatus.AWAITING_APPROVAL : readiness.status();
			long voided = this.support.approvals.of(org, deployment.id())
				.stream()
				.filter((a) -> a.requestVersion() == deployment.requestVersion()
						&& a.decision() == Approval.Decision.APPROVE)
				.count();
			Deployment changed = deployment.withChangedRequest(artifactId, revision, newSchedule, required, status, now)
				.withDue(readiness.dueAt(), readiness.blockedBy());
			this.support.update(org, changed);
			Actor actor = caller.actor();
			String beforeVersion = this.support.version(org, deployment.artifactId());
			this.support.audit(org, actor, "changed", changed, place,
					(e) -> e.detail("requestVersion", changed.requestVersion())
						.detail("approvalsVoided", voided)
						.changes(
								java.util.Map.of("artifact", beforeVersion, "configRevision",
										String.valueOf(deployment.configRevision()), "scheduledAt",
										String.valueOf(deployment.scheduledAt())),
								java.util.Map.of("artifact", this.support.version(org, changed.artifactId()),
										"configRevision", String.valueOf(changed.configRevision()), "scheduledAt",
										String.valueOf(changed.scheduledAt()))));
			if (required == 0) {
				this.support.auditReadiness(org, actor, changed, place);
			}
			return changed;
		});
	}

}
