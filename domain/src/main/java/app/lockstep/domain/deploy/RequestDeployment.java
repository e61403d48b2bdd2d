package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.Artifacts;
import app.lockstep.domain.config.ConfigRevisions;
import app.lockstep.domain.config.ConfigScope;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.Member;
import app.lockstep.domain.tenancy.Members;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.window.WindowCheck;
import app.lockstep.domain.window.WindowDecision;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Requests a deployment of an artifact and a config revision to an environment, now or at
 * a chosen time.
 * <ul>
 * <li>The artifact defaults to the one live on the environment (a config-only
 * deployment), the revision to the environment's latest.</li>
 * <li>Promotion: when the gate names an earlier environment, the artifact must have
 * succeeded there (422 naming the missing step).</li>
 * <li>Windows: a time the windows close is refused (422 with the rule and the next open
 * instant) when {@code whenBlocked} is {@code reject}; with {@code queue} it waits for
 * the window.</li>
 * <li>Gate: with approvals required it awaits them; otherwise it is scheduled (or waits
 * for its window).</li>
 * <li>Break-glass: {@code emergency} with a mandatory reason, for roles with
 * {@link Permission#BREAK_GLASS}, skips approvals and windows; leads are told, and it
 * waits for a review.</li>
 * </ul>
 */
@UseCase
public final class RequestDeployment {

	public static final int MAX_NOTE = 1000;

	/** How far ahead a deployment may be scheduled. */
	public static final Duration MAX_AHEAD = Duration.ofDays(366);

	/** A schedule this little in the past still means "now" (clock skew). */
	static final Duration SKEW = Duration.ofMinutes(1);

	private final DeploymentPlaces places;

	private final Deployments deployments;

	private final Artifacts artifacts;

	private final ConfigRevisions revisions;

	private final ApprovalPolicies policies;

	private final PromotionCheck promotion;

	private final WindowCheck windows;

	private final Members members;

	private final DeploymentNotifier notifier;

	private final DeploymentUpdates updates;

	private final Transactions transactions;

	private final Clock clock;

	public RequestDeployment(DeploymentPlaces places, Deployments deployments, Artifacts artifacts,
			ConfigRevisions revisions, ApprovalPolicies policies, PromotionCheck promotion, WindowCheck windows,
			Members members, DeploymentNotifier notifier, DeploymentUpdates updates, Transactions transactions,
			Clock clock) {
		this.places = places;
		this.deployments = deployments;
		this.artifacts = artifacts;
		this.revisions = revisions;
		this.policies = policies;
		this.promotion = promotion;
		this.windows = windows;
		this.members = members;
		this.notifier = notifier;
		this.updates = updates;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The request as typed: {@code artifact} a version (null: the live one),
	 * {@code configRevision} a number (null: the latest), {@code scheduledAt} null for as
	 * soon as allowed, {@code whenBlocked} "reject" (default) or "queue".
	 */
	public record Input(@Nullable String artifact, @Nullable Integer configRevision, @Nullable Instant scheduledAt,
			@Nullable String whenBlocked, @Nullable String note, boolean emergency, @Nullable String reason) {
	}

	public Deployment request(Caller caller, String projectSlug, String environmentName, Input input) {
		caller.require(Permission.REQUEST_DEPLOYMENTS);
		if (input.emergency() && !caller.can(Permission.BREAK_GLASS)) {
			throw new ForbiddenException("Only owners and admins may deploy in an emergency; your role is "
					+ caller.role().label() + ". Request a normal deployment and ask a lead to approve it.");
		}
		Instant now = this.clock.instant();
		Validation validation = new Validation();
		WhenBlocked whenBlocked = parseWhenBlocked(validation, input.whenBlocked());
		String note = trimToNull(input.note());
		validation.check(note == null || note.length() <= MAX_NOTE, "note",
				"Keep the note to " + MAX_NOTE + " characters or fewer.");
		String reason = trimToNull(input.reason());
		if (input.emergency()) {
			validation.check(reason != null, "reason",
					"An emergency deployment needs a reason: what is broken and why it cannot wait.");
			validation.check(reason == null || reason.length() <= MAX_NOTE, "reason",
					"Keep the reason to " + MAX_NOTE + " characters or fewer.");
		}
		Instant scheduledAt = input.scheduledAt();
		if (scheduledAt != null) {
			validation.check(!scheduledAt.isBefore(now.minus(SKEW)), "scheduledAt", "The time " + scheduledAt
					+ " has passed; choose a later time, or leave it empty for as soon as allowed.");
			validation.check(!scheduledAt.isAfter(now.plus(MAX_AHEAD)), "scheduledAt",
					"Schedule deployments at most a year ahead.");
			if (!scheduledAt.isAfter(now)) {
				scheduledAt = null;
			}
		}
		if (input.configRevision() != null) {
			validation.check(input.configRevision() >= 1, "configRevision", "Revisions are numbered from 1.");
		}
		validation.throwIfInvalid();
		Instant schedule = scheduledAt;
		OrgId org = caller.orgId();
		Requester requester = new Requester(caller.actor(), caller.userId(), caller.name());
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			return place(org, place, input.artifact(), input.configRevision(), schedule, whenBlocked, note,
					input.emergency(), reason, requester, now, Map.of());
		});
	}

	/**
	 * Who asks: the actor the audit trail names, the member counted as the requester (who
	 * may not approve alone unless the gate allows it), and the name mails give.
	 */
	record Requester(Actor actor, UserId user, String name) {
	}

	/**
	 * An automatic deployment of a build, inside the caller's unit of work: the
	 * environment's latest config, as soon as allowed, through the same gate, promotion
	 * rule and windows as a request by hand. Refusals are thrown as they are to a person
	 * (a closed window with {@code whenBlocked} reject, a missing promotion step).
	 */
	Deployment requestAutomatically(OrgId org, DeploymentPlace place, Artifact artifact, WhenBlocked whenBlocked,
			Requester requester, String note, Map<String, @Nullable Object> trigger) {
		return place(org, place, artifact.version(), null, null, whenBlocked, note, false, null, requester,
				this.clock.instant(), trigger);
	}

	private Deployment place(OrgId org, DeploymentPlace place, @Nullable String version,
			@Nullable Integer configRevision, @Nullable Instant schedule, WhenBlocked whenBlocked,
			@Nullable String note, boolean emergency, @Nullable String reason, Requester requester, Instant now,
			Map<String, @Nullable Object> extraDetails) {
		Environment environment = place.environment();
		Deployment live = this.deployments.live(org, environment.id()).orElse(null);
		Artifact artifact = artifact(org, place, live, version);
		Integer revision = revision(org, place, configRevision);
		ApprovalPolicy policy = this.policies.of(org, environment);
		this.promotion.require(org, place, policy, artifact);
		Instant start = (schedule != null) ? schedule : now;
		WindowDecision decision = this.windows.check(org, environment, start);
		if (!decision.open() && !emergency && whenBlocked == WhenBlocked.REJECT) {
			throw new WindowClosedException(environment.name(), start, Objects.requireNonNull(decision.blockedBy()),
					decision.nextOpenAt());
		}
		int required = emergency ? 0 : policy.requiredApprovals();
		Readiness readiness = Readiness.of(start, emergency, decision);
		DeploymentStatus status = (required > 0) ? DeploymentStatus.AWAITING_APPROVAL : readiness.status();
		Actor actor = requester.actor();
		Deployment deployment = new Deployment(DeploymentId.random(), 0, place.project().id(), environment.id(),
				artifact.id(), revision, schedule, whenBlocked, note, status, emergency, emergency ? reason : null,
				actor, requester.user(), now, 1, required, (live != null) ? live.artifactId() : null,
				(live != null) ? live.configRevision() : null, readiness.dueAt(), readiness.blockedBy(), 0, null,
				UUID.randomUUID(), null, null, null, null, null, null, now);
		this.deployments.insert(org, deployment);
		this.updates.audit(org, actor, "requested", deployment, place, (e) -> {
			e.detail("scheduledAt", DeploymentUpdates.str(schedule))
				.detail("whenBlocked", whenBlocked.value())
				.detail("approvalsRequired", required)
				.detail("note", note);
			extraDetails.forEach(e::detail);
			if (emergency) {
				e.detail("reason", reason);
			}
			if (!decision.open() && emergency) {
				// break-glass went through the closed window: say which rule it
				// bypassed, not when it would have opened
				e.detail("windowBypassed", decision.blockedBy());
			}
			else if (!decision.open()) {
				e.detail("blockedBy", decision.holdingRule())
					.detail("nextOpenAt", DeploymentUpdates.str(decision.nextOpenAt()));
			}
		});
		notify(org, requester, place, policy, deployment, artifact);
		return this.deployments.find(org, deployment.id()).orElse(deployment);
	}

	private Artifact artifact(OrgId org, DeploymentPlace place, @Nullable Deployment live, @Nullable String version) {
		String wanted = trimToNull(version);
		if (wanted == null) {
			if (live == null) {
				throw new ValidationException("artifact", "Nothing is deployed on " + place.environmentName()
						+ " yet, so there is no artifact to keep: name the version to deploy.");
			}
			return this.artifacts.byId(org, live.artifactId())
				.orElseThrow(() -> new ValidationException("artifact", "The live artifact is gone; name a version."));
		}
		return this.artifacts.artifact(org, place.project().id(), wanted)
			.orElseThrow(() -> new ValidationException("artifact",
					"No artifact \"" + wanted + "\" in " + place.projectSlug()
							+ ": CI registers builds with POST …/projects/" + place.projectSlug()
							+ "/artifacts before they can be deployed."));
	}

	private @Nullable Integer revision(OrgId org, DeploymentPlace place, @Nullable Integer number) {
		ConfigScope scope = new ConfigScope(place.project().id(), place.environment().id());
		if (number == null) {
			int latest = this.revisions.latestNumber(org, scope);
			return (latest > 0) ? latest : null;
		}
		if (this.revisions.find(org, scope, number).isEmpty()) {
			int latest = this.revisions.latestNumber(org, scope);
			throw new ValidationException("configRevision", place.environmentName() + " has no config revision "
					+ number + ((latest > 0) ? "; its latest is " + latest + "." : "; it has no config yet."));
		}
		return number;
	}

	private void notify(OrgId org, Requester caller, DeploymentPlace place, ApprovalPolicy policy,
			Deployment deployment, Artifact artifact) {
		String what = artifact.version()
				+ ((deployment.configRevision() != null) ? " with config revision " + deployment.configRevision() : "")
				+ " to " + place.projectSlug() + "/" + place.environmentName();
		if (deployment.emergency()) {
			var leads = this.members.list(org)
				.stream()
				.filter((m) -> m.role().allows(Permission.APPROVE_DEPLOYMENTS))
				.filter((m) -> !m.userId().equals(caller.user()))
				.map(Member::email)
				.toList();
			if (!leads.isEmpty()) {
				this.notifier.send(new DeploymentNotifier.Notice(leads, "[Lockstep] Emergency deployment of " + what,
						caller.name() + " deployed " + what + " as an emergency, bypassing approvals and windows.\n\n"
								+ "Reason: " + deployment.emergencyReason() + "\n\n"
								+ "It waits in the review queue until a lead, admin or owner reviews it."));
			}
			return;
		}
		if (deployment.status() != DeploymentStatus.AWAITING_APPROVAL) {
			return;
		}
		var approvers = approvers(org, policy, caller.user().toString()).stream().map(Member::email).toList();
		if (!approvers.isEmpty()) {
			this.notifier.send(new DeploymentNotifier.Notice(approvers, "[Lockstep] Approval needed: " + what,
					caller.name() + " asks to deploy " + what + ".\n\n"
							+ ((deployment.note() != null) ? "Note: " + deployment.note() + "\n\n" : "") + "It needs "
							+ deployment.approvalsRequired() + " approval"
							+ ((deployment.approvalsRequired() == 1) ? "" : "s")
							+ ". Review the commits and the config diff in the approval queue."));
		}
	}

	/** The members who may approve under the policy, other than {@code except}. */
	private List<Member> approvers(OrgId org, ApprovalPolicy policy, @Nullable String exceptUserId) {
		return this.members.list(org)
			.stream()
			.filter((m) -> policy.allowsApprovalBy(m.role()))
			.filter((m) -> policy.allowSelfApproval() || !m.userId().toString().equals(exceptUserId))
			.toList();
	}

	static WhenBlocked parseWhenBlocked(Validation validation, @Nullable String value) {
		String text = trimToNull(value);
		if (text == null) {
			return WhenBlocked.REJECT;
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "reject" -> WhenBlocked.REJECT;
			case "queue" -> WhenBlocked.QUEUE;
			default -> {
				validation.add("whenBlocked", "Use \"reject\" to be refused when the window is closed, or \"queue\""
						+ " to wait for it to open (not \"" + text + "\").");
				yield WhenBlocked.REJECT;
			}
		};
	}

	static @Nullable String trimToNull(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
