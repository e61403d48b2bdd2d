package app.lockstep.domain.testing;

import java.time.Duration;

import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.config.CloneConfig;
import app.lockstep.domain.deploy.AutomaticDeployments;
import app.lockstep.domain.deploy.BranchEnvironmentLifecycle;
import app.lockstep.domain.deploy.ChangeReport;
import app.lockstep.domain.deploy.ConfigureAutoDeploy;
import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.DeployTargetSecrets;
import app.lockstep.domain.deploy.DeliverySettings;
import app.lockstep.domain.deploy.DeploymentPlaces;
import app.lockstep.domain.deploy.DeploymentNotices;
import app.lockstep.domain.deploy.DeploymentUpdates;
import app.lockstep.domain.notify.Notify;
import app.lockstep.domain.deploy.KnownArtifacts;
import app.lockstep.domain.deploy.PromotionCheck;
import app.lockstep.domain.deploy.DispatchDeployments;
import app.lockstep.domain.deploy.RequestDeployment;

/**
 * The one place the deployment use cases are built from {@link Fakes} for unit tests.
 * When their constructors change (what each takes), only this class changes; the tests
 * ask it for a use case and never call a constructor themselves.
 */
public final class DeployUseCasesForTests {

	/** How long a dispatcher's claim lasts; deliveries answer at once in tests. */
	public static final Duration LEASE = Duration.ofSeconds(30);

	private final Fakes fakes;

	public DeployUseCasesForTests(Fakes fakes) {
		this.fakes = fakes;
	}

	private DeploymentPlaces places() {
		return new DeploymentPlaces(this.fakes.projects, this.fakes.environments, this.fakes.deployments);
	}

	private KnownArtifacts knownArtifacts() {
		return new KnownArtifacts(this.fakes.artifacts);
	}

	private DeploymentUpdates updates() {
		return new DeploymentUpdates(this.fakes.deployments, this.fakes.auditLog, knownArtifacts(), notices());
	}

	public Notify notifications() {
		Fakes f = this.fakes;
		return new Notify(f.notifications, f.notifications, f.transactions, f.clock);
	}

	private DeploymentNotices notices() {
		return new DeploymentNotices(notifications());
	}

	public RequestDeployment requestDeployment() {
		Fakes f = this.fakes;
		return new RequestDeployment(places(), f.deployments, f.artifacts, f.revisions, f.policies,
				new PromotionCheck(f.environments, f.deployments), f.windowCheck(), f.members, f.notifier, updates(),
				f.transactions, f.clock);
	}

	public AutomaticDeployments automaticDeployments() {
		Fakes f = this.fakes;
		return new AutomaticDeployments(f.autoDeploys, f.projects, f.environments, f.codeChanges, f.artifacts,
				requestDeployment(), branchEnvironmentLifecycle(), f.auditLog, notices(), f.clock);
	}

	public BranchEnvironmentLifecycle branchEnvironmentLifecycle() {
		Fakes f = this.fakes;
		return new BranchEnvironmentLifecycle(f.branches, f.autoDeploys, f.projects, f.environments,
				new CloneConfig(f.revisions, f.auditLog, f.clock), f.auditLog, f.transactions, f.clock);
	}

	public ConfigureAutoDeploy configureAutoDeploy() {
		Fakes f = this.fakes;
		return new ConfigureAutoDeploy(places(), f.autoDeploys, f.auditLog, f.transactions, f.clock);
	}

	public DecideOnDeployment decideOnDeployment() {
		Fakes f = this.fakes;
		return new DecideOnDeployment(places(), f.policies, f.approvals, f.windowCheck(), updates(), f.transactions,
				f.clock);
	}

	public DispatchDeployments dispatchDeployments(DispatchDeployments.RetryPolicy retry) {
		Fakes f = this.fakes;
		return new DispatchDeployments(places(), f.deployments, f.deployments, f.windowCheck(), f.targets,
				knownArtifacts(), f.codeChanges, f.organizations, targetSecrets(), f.deployer, updates(),
				f.transactions, f.clock, new DeliverySettings(retry.attempts(), retry.base(), LEASE));
	}

	public ChangeReport changeReport() {
		Fakes f = this.fakes;
		return new ChangeReport(places(), f.deployments, f.approvals, f.windowCheck(), knownArtifacts(), f.codeChanges,
				new ViewConfig(f.projects, f.environments, f.revisions, f.transactions), f.transactions);
	}

	/** Seals and opens deploy targets' signing secrets under the fakes' cipher. */
	public DeployTargetSecrets targetSecrets() {
		return new DeployTargetSecrets(this.fakes.cipher);
	}

}
