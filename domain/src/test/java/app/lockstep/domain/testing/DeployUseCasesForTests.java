package app.lockstep.domain.testing;

import java.time.Duration;

import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.deploy.ChangeReport;
import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.DeployTargetSecrets;
import app.lockstep.domain.deploy.DeploymentSupport;
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

	private DeploymentSupport support() {
		Fakes f = this.fakes;
		return new DeploymentSupport(f.projects, f.environments, f.artifacts, f.codeChanges, f.deployments, f.approvals,
				f.policies, f.targets, f.windowCheck(), f.members, f.organizations, f.auditLog, f.notifier,
				f.transactions, f.clock);
	}

	public RequestDeployment requestDeployment() {
		return new RequestDeployment(support(), this.fakes.revisions);
	}

	public DecideOnDeployment decideOnDeployment() {
		return new DecideOnDeployment(support());
	}

	public DispatchDeployments dispatchDeployments(DispatchDeployments.RetryPolicy retry) {
		return new DispatchDeployments(support(), this.fakes.deployments, this.fakes.deployer, targetSecrets(), retry,
				LEASE);
	}

	public ChangeReport changeReport() {
		Fakes f = this.fakes;
		return new ChangeReport(support(), f.codeChanges,
				new ViewConfig(f.projects, f.environments, f.revisions, f.transactions));
	}

	/** Seals and opens deploy targets' signing secrets under the fakes' cipher. */
	public DeployTargetSecrets targetSecrets() {
		return new DeployTargetSecrets(this.fakes.cipher);
	}

}
