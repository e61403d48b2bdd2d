package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.window.WindowCheck;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * A person approves or rejects a deployment request. The decision is bound to exactly the
 * version of the request it saw (artifact, config revision, environment, schedule).
 * <ul>
 * <li>Only roles in the gate's {@code approverRoles} decide (403 otherwise); the
 * requester only when the gate allows self-approval, and then it is marked
 * self-approved.</li>
 * <li>A rejection needs a comment and ends the request.</li>
 * <li>When the approvals that count reach the required number, the deployment is
 * scheduled (or waits for its window).</li>
 * <li>Concurrent decisions serialise on the deployment's row (the database trigger takes
 * it too), so exactly the required number of approvals count, and a decision on a request
 * that is no longer awaiting approval is a 409.</li>
 * </ul>
 */
@UseCase
public final class DecideOnDeployment {

	public static final int MAX_COMMENT = 2000;

	private final DeploymentPlaces places;

	private final ApprovalPolicies policies;

	private final Approvals approvals;

	private final WindowCheck windows;

	private final DeploymentUpdates updates;

	private final Transactions transactions;

	private final Clock clock;

	public DecideOnDeployment(DeploymentPlaces places, ApprovalPolicies policies, Approvals approvals,
			WindowCheck windows, DeploymentUpdates updates, Transactions transactions, Clock clock) {
		this.places = places;
		this.policies = policies;
		this.approvals = approvals;
		this.windows = windows;
		this.updates = updates;
		this.transactions = transactions;
		this.clock = clock;
	}

	public record Input(@Nullable String decision, @Nullable String comment) {
	}

	public record Outcome(Deployment deployment, Approval approval) {
	}

	public Outcome decide(Caller caller, String projectSlug, String environmentName, DeploymentId id, Input input) {
		if (!ApprovalPolicy.decidesAtAll(caller.role())) {
			throw new ForbiddenException(
					"Your role here is " + caller.role().label() + ", which never decides on deployments.");
		}
		Validation validation = new Validation();
		String decisionText = RequestDeployment.trimToNull(input.decision());
		Approval.Decision decision = null;
		if ("approve".equalsIgnoreCase(decisionText)) {
			decision = Approval.Decision.APPROVE;
		}
		else if ("reject".equalsIgnoreCase(decisionText)) {
			decision = Approval.Decision.REJECT;
		}
		else {
			validation.add("decision", "Decide \"approve\" or \"reject\".");
		}
		String comment = RequestDeployment.trimToNull(input.comment());
		validation.check(comment == null || comment.length() <= MAX_COMMENT, "comment",
				"Keep the comment to " + MAX_COMMENT + " characters or fewer.");
		validation.check(decision != Approval.Decision.REJECT || comment != null, "comment",
				"Say why you reject it: the requester reads this comment.");
		validation.throwIfInvalid();
		Approval.Decision chosen = Objects.requireNonNull(decision);
		OrgId org = caller.orgId();
		Instant now = this.clock.instant();
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			Deployment deployment = this.places.lock(org, place, id);
			ApprovalPolicy policy = this.policies.of(org, place.environment());
			if (!policy.letsDecide(caller.role())) {
				throw new ForbiddenException("Deployments to " + place.environmentName() + " are approved by "
						+ roles(policy) + "; your role is " + caller.role().label() + ".");
			}
			if (deployment.status() != DeploymentStatus.AWAITING_APPROVAL) {
				throw new StatusConflictException(deployment.status(), chosen.value() + " it");
			}
			boolean self = deployment.requestedByUser().equals(caller.userId());
			if (self && !policy.allowSelfApproval()) {
				throw new ForbiddenException("You requested this deployment, and " + place.environmentName()
						+ "'s gate does not allow approving your own request: another approver has to decide.");
			}
			Approval approval = new Approval(UUID.randomUUID(), deployment.id(), deployment.requestVersion(), chosen,
					caller.userId(), caller.name(), caller.role(), viaToken(caller), comment, self,
					deployment.artifactId(), deployment.configRevision(), deployment.environmentId(),
					deployment.scheduledAt(), now, now.plus(Duration.ofHours(policy.approvalValidHours())));
			try {
				this.approvals.insert(org, approval);
			}
			catch (Deployments.IllegalTransitionException ex) {
				throw new StatusConflictException(DeploymentStatus.fromValue(ex.current()).orElse(deployment.status()),
						chosen.value() + " it");
			}
			Actor actor = caller.actor();
			if (chosen == Approval.Decision.REJECT) {
				Deployment rejected = deployment.withStatus(DeploymentStatus.REJECTED, now).withDue(null, null);
				this.updates.update(org, rejected);
				this.updates.audit(org, actor, "rejected", rejected, place,
						(e) -> e.detail("comment", comment).detail("requestVersion", deployment.requestVersion()));
				return new Outcome(rejected, approval);
			}
			List<Approval> all = this.approvals.of(org, deployment.id());
			long counting = all.stream().filter((a) -> a.countsFor(deployment, now)).count();
			this.updates.audit(org, actor, "approved", deployment, place,
					(e) -> e.detail("comment", comment)
						.detail("selfApproved", self)
						.detail("requestVersion", deployment.requestVersion())
						.detail("approvalsGiven", counting)
						.detail("approvalsRequired", deployment.approvalsRequired()));
			if (counting < deployment.approvalsRequired()) {
				return new Outcome(deployment, approval);
			}
			Instant start = (deployment.scheduledAt() != null && deployment.scheduledAt().isAfter(now))
					? deployment.scheduledAt() : now;
			Readiness readiness = Readiness.of(start, false, this.windows.check(org, place.environment(), start));
			Deployment ready = deployment.withStatus(readiness.status(), now)
				.withDue(readiness.dueAt(), readiness.blockedBy());
			this.updates.update(org, ready);
			this.updates.auditReadiness(org, actor, ready, place);
			return new Outcome(ready, approval);
		});
	}

	static String roles(ApprovalPolicy policy) {
		return policy.approverRoles()
			.stream()
			.sorted()
			.map(Role::label)
			.map((label) -> label.toLowerCase(Locale.ROOT) + "s")
			.collect(Collectors.joining(", "));
	}

	private static @Nullable UUID viaToken(Caller caller) {
		ApiToken token = caller.token();
		return (token != null) ? token.id() : null;
	}

}
