package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.code.Artifacts;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.tenancy.Member;
import app.lockstep.domain.tenancy.Members;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.tenancy.Organizations;
import app.lockstep.domain.window.WindowCheck;
import app.lockstep.domain.window.WindowDecision;
import org.jspecify.annotations.Nullable;

/**
 * What the deployment use cases share: their ports, resolving the project and environment
 * of a URL, the environment's gate, target and windows, and writing a deployment's change
 * together with its audit event.
 */
public final class DeploymentSupport {

	final Projects projects;

	final Environments environments;

	final Artifacts artifacts;

	final CodeChanges codeChanges;

	final Deployments deployments;

	final Approvals approvals;

	final ApprovalPolicies policies;

	final DeployTargets targets;

	final WindowCheck windows;

	final Members members;

	final Organizations organizations;

	final AuditLog auditLog;

	final DeploymentNotifier notifier;

	final Transactions transactions;

	final Clock clock;

	private static final int KNOWN_ARTIFACTS = 10_000;

	private final java.util.Map<ArtifactKey, Artifact> knownArtifacts = new java.util.concurrent.ConcurrentHashMap<>();

	private record ArtifactKey(OrgId org, ArtifactId id) {
	}

	public DeploymentSupport(Projects projects, Environments environments, Artifacts artifacts, CodeChanges codeChanges,
			Deployments deployments, Approvals approvals, ApprovalPolicies policies, DeployTargets targets,
			WindowCheck windows, Members members, Organizations organizations, AuditLog auditLog,
			DeploymentNotifier notifier, Transactions transactions, Clock clock) {
		this.projects = projects;
		this.environments = environments;
		this.artifacts = artifacts;
		this.codeChanges = codeChanges;
		this.deployments = deployments;
		this.approvals = approvals;
		this.policies = policies;
		this.targets = targets;
		this.windows = windows;
		this.members = members;
		this.organizations = organizations;
		this.auditLog = auditLog;
		this.notifier = notifier;
		this.transactions = transactions;
		this.clock = clock;
	}

	Instant now() {
		return this.clock.instant();
	}

	DeploymentPlace place(OrgId org, String projectSlug, String environmentName) {
		Project project = this.projects.findBySlug(org, projectSlug)
			.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
		Environment environment = this.environments.findByName(org, project.id(), environmentName)
			.orElseThrow(
					() -> new NotFoundException("No environment \"" + environmentName + "\" in " + projectSlug + "."));
		return new DeploymentPlace(project, environment);
	}

	/** The place of a deployment found by id (its project and environment). */
	DeploymentPlace placeOf(OrgId org, Deployment deployment) {
		Project project = this.projects.findById(org, deployment.projectId())
			.orElseThrow(() -> new NotFoundException("No project for deployment " + deployment.id()));
		Environment environment = this.environments.findById(org, deployment.environmentId())
			.orElseThrow(() -> new NotFoundException("No environment for deployment " + deployment.id()));
		return new DeploymentPlace(project, environment);
	}

	String organizationSlug(OrgId org) {
		return this.organizations.findById(org).map(Organization::slug).orElse(org.toString());
	}

	/** The deployment of this environment, locked; another environment's is a 404. */
	Deployment lock(OrgId org, DeploymentPlace place, DeploymentId id) {
		return this.deployments.lock(org, id)
			.filter((d) -> d.environmentId().equals(place.environment().id()))
			.orElseThrow(() -> new NotFoundException("No deployment " + id + " on " + place.environmentName() + "."));
	}

	Deployment find(OrgId org, DeploymentPlace place, DeploymentId id) {
		return this.deployments.find(org, id)
			.filter((d) -> d.environmentId().equals(place.environment().id()))
			.orElseThrow(() -> new NotFoundException("No deployment " + id + " on " + place.environmentName() + "."));
	}

	ApprovalPolicy policy(OrgId org, Environment environment) {
		return this.policies.find(org, environment.id()).orElseGet(() -> ApprovalPolicy.defaultFor(environment.tier()));
	}

	/**
	 * Promotion: when the gate names an earlier environment, the artifact must have
	 * succeeded there (422 on {@code artifact} naming the missing step).
	 */
	void checkPromotion(OrgId org, DeploymentPlace place, ApprovalPolicy policy, Artifact artifact) {
		String earlier = policy.requiresSuccessIn();
		if (earlier == null) {
			return;
		}
		Environment required = this.environments.findByName(org, place.project().id(), earlier).orElse(null);
		if (required == null || !this.deployments.hasSucceeded(org, required.id(), artifact.id())) {
			throw new ValidationException("artifact",
					artifact.version() + " has not succeeded on " + earlier + " yet: " + place.environmentName()
							+ " only takes artifacts that were deployed successfully to " + earlier + " first. Deploy "
							+ artifact.version() + " to " + earlier + ", then promote it.");
		}
	}

	DeployTarget target(OrgId org, Environment environment) {
		return this.targets.find(org, environment.id()).orElseGet(DeployTarget::manualByDefault);
	}

	WindowDecision window(OrgId org, Environment environment, Instant at) {
		return this.windows.check(org, environment, at);
	}

	String version(OrgId org, ArtifactId id) {
		return artifact(org, id).map(Artifact::version).orElse(id.toString());
	}

	/**
	 * The artifact by id. Artifacts never change, so what was read once (in this
	 * organization) is remembered; the scheduler asks for the same few many times.
	 */
	java.util.Optional<Artifact> artifact(OrgId org, ArtifactId id) {
		ArtifactKey key = new ArtifactKey(org, id);
		Artifact known = this.knownArtifacts.get(key);
		if (known != null) {
			return java.util.Optional.of(known);
		}
		java.util.Optional<Artifact> found = this.artifacts.byId(org, id);
		found.ifPresent((artifact) -> {
			if (this.knownArtifacts.size() >= KNOWN_ARTIFACTS) {
				this.knownArtifacts.clear();
			}
			this.knownArtifacts.put(key, artifact);
		});
		return found;
	}

	/** The members who may approve under the policy, other than {@code except}. */
	List<Member> approvers(OrgId org, ApprovalPolicy policy, @Nullable String exceptUserId) {
		return this.members.list(org)
			.stream()
			.filter((m) -> policy.allowsApprovalBy(m.role()))
			.filter((m) -> policy.allowSelfApproval() || !m.userId().toString().equals(exceptUserId))
			.toList();
	}

	/** Writes the deployment's new state (a refused transition is a 409). */
	void update(OrgId org, Deployment deployment) {
		try {
			this.deployments.update(org, deployment);
		}
		catch (Deployments.IllegalTransitionException ex) {
			throw new StatusConflictException(
					DeploymentStatus.fromValue(ex.current()).orElse(DeploymentStatus.CANCELLED),
					"become " + deployment.status().value());
		}
	}

	/**
	 * Appends {@code deployment.<event>} for the deployment, with its artifact, revision
	 * and status, plus what {@code details} adds.
	 */
	void audit(OrgId org, Actor actor, String event, Deployment deployment, DeploymentPlace place,
			Consumer<AuditEntry.Builder> details) {
		AuditEntry.Builder entry = AuditEntry.of("deployment." + event, "deployment", deployment.id().toString())
			.project(place.projectSlug())
			.environment(place.environmentName())
			.detail("artifact", version(org, deployment.artifactId()))
			.detail("configRevision", deployment.configRevision())
			.detail("status", deployment.status().value());
		if (deployment.emergency()) {
			entry.detail("emergency", true);
		}
		details.accept(entry);
		this.auditLog.append(org, actor, entry.build());
	}

	/** Appends the event of moving into a pending status (scheduled or waiting). */
	/**
	 * Refuses (409) to change a deployment a dispatcher is handing to its deployer right
	 * now: in a moment it is running, or due again.
	 */
	void requireNotBeingDelivered(OrgId org, Deployment deployment, Instant now) {
		if (deployment.status().isPending() && this.deployments.claimedAt(org, deployment.id(), now)) {
			throw new DeliveryInProgressException(deployment.status());
		}
	}

	void auditReadiness(OrgId org, Actor actor, Deployment deployment, DeploymentPlace place) {
		if (deployment.status() == DeploymentStatus.WAITING_FOR_WINDOW) {
			audit(org, actor, "waiting_for_window", deployment, place,
					(e) -> e.detail("blockedBy", deployment.blockedBy()).detail("nextOpenAt", str(deployment.dueAt())));
		}
		else if (deployment.status() == DeploymentStatus.SCHEDULED) {
			audit(org, actor, "scheduled", deployment, place, (e) -> e.detail("dueAt", str(deployment.dueAt())));
		}
	}

	static @Nullable String str(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
