package app.lockstep.domain.testing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.config.SecretCipher;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.WhenBlocked;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.window.WindowCheck;

/**
 * Every in-memory fake, wired together around one {@link MutableClock}, and short ways to
 * seed them (an organization, members, a project and its environments, artifacts, a
 * deployment that is live). Build the use case under test from these fields, or the
 * deployment use cases through {@link DeployUseCasesForTests}.
 */
public final class Fakes {

	public final MutableClock clock;

	public final DirectTransactions transactions = new DirectTransactions();

	public final InMemoryOrganizations organizations = new InMemoryOrganizations();

	public final InMemoryMembers members = new InMemoryMembers();

	public final InMemoryEnvironments environments = new InMemoryEnvironments();

	public final InMemoryProjects projects = new InMemoryProjects(this.environments);

	public final InMemoryConfigRevisions revisions = new InMemoryConfigRevisions();

	public final InMemoryArtifacts artifacts = new InMemoryArtifacts();

	public final InMemoryCodeChanges codeChanges = new InMemoryCodeChanges();

	public final InMemoryDeployments deployments = new InMemoryDeployments(this.environments);

	public final InMemoryApprovals approvals = new InMemoryApprovals(this.deployments);

	public final InMemoryApprovalPolicies policies = new InMemoryApprovalPolicies();

	public final InMemoryAutoDeployRules autoDeploys = new InMemoryAutoDeployRules(this.environments);

	public final InMemoryBranchEnvironments branches = new InMemoryBranchEnvironments();

	public final InMemoryDeployTargets targets = new InMemoryDeployTargets();

	public final InMemoryDeploymentWindows windows = new InMemoryDeploymentWindows();

	public final RecordingAuditLog auditLog;

	public final RecordingNotifier notifier = new RecordingNotifier();

	public final InMemoryNotifications notifications = new InMemoryNotifications();

	public final ScriptedDeployerClient deployer = new ScriptedDeployerClient();

	public final SecretCipher cipher = TestSecrets.cipher();

	public Fakes(Instant now) {
		this.clock = new MutableClock(now);
		this.auditLog = new RecordingAuditLog(this.clock);
	}

	/**
	 * Fakes whose clock reads {@code instant}, such as {@code "2026-12-01T09:00:00Z"}.
	 */
	public static Fakes at(String instant) {
		return new Fakes(Instant.parse(instant));
	}

	/**
	 * The real window check over the fake rules (defaults apply until rules are saved).
	 */
	public WindowCheck windowCheck() {
		return new WindowCheck(this.windows, this.transactions);
	}

	public Organization organization(String slug) {
		Organization organization = new Organization(OrgId.random(), slug, slug, ZoneOffset.UTC);
		this.organizations.create(organization, this.clock.instant());
		return organization;
	}

	/** A new member of the organization, acting in person. */
	public Caller member(Organization organization, String name, Role role) {
		UserId user = UserId.random();
		this.members.person(user, name.toLowerCase(java.util.Locale.ROOT) + "@example.com", name);
		this.members.add(organization.id(), user, role, this.clock.instant());
		return new Caller(organization, user, name, role, "192.0.2.1");
	}

	public Project project(OrgId org, String slug) {
		Project project = new Project(ProjectId.random(), slug, slug, null, null, this.clock.instant());
		this.projects.create(org, project);
		return project;
	}

	/** An environment in UTC, fed by no branch. */
	public Environment environment(OrgId org, Project project, String name, Tier tier, int position) {
		Environment environment = new Environment(EnvironmentId.random(), project.id(), name, tier, position, null,
				ZoneId.of("UTC"));
		this.environments.create(org, environment, this.clock.instant());
		return environment;
	}

	public Artifact artifact(OrgId org, Project project, String version, String commitSha) {
		Artifact artifact = new Artifact(ArtifactId.random(), project.id(), version, commitSha,
				"sha256:" + "0".repeat(64), this.clock.instant(), Actor.system("ci"));
		this.artifacts.addIfAbsent(org, artifact);
		return artifact;
	}

	/**
	 * A deployment of the artifact that succeeded on the environment a while ago: what is
	 * live there.
	 */
	public Deployment succeeded(OrgId org, Environment environment, Artifact artifact, Caller by) {
		Instant at = this.clock.instant().minusSeconds(3600);
		Deployment deployment = new Deployment(DeploymentId.random(), 0, environment.projectId(), environment.id(),
				artifact.id(), null, null, WhenBlocked.REJECT, null, DeploymentStatus.SUCCEEDED, false, null,
				by.actor(), by.userId(), at, 1, 0, null, null, null, null, 1, null, UUID.randomUUID(), at,
				at.plusSeconds(600), at.plusSeconds(60), "done", null, null, at.plusSeconds(60));
		this.deployments.insert(org, deployment);
		return this.deployments.get(org, deployment.id());
	}

}
