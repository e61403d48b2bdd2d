package app.lockstep.web.report;

import java.util.List;

import app.lockstep.domain.code.CommitInput;
import app.lockstep.domain.code.IngestCodeChanges;
import app.lockstep.domain.code.RegisterArtifact;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.deploy.ConfigureApprovalPolicy;
import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.DispatchDeployments;
import app.lockstep.domain.deploy.DueDeployments;
import app.lockstep.domain.deploy.ReportDeploymentStatus;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.project.ProjectTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deployments made the way people and machines make them, through the use cases: pushes,
 * builds, config revisions, requests, decisions, the dispatcher starting exactly the
 * deployment at hand (the default target is manual, so it runs until reported) and the
 * deployer's final status.
 */
final class DeploymentFixtures {

	static final String SPEC = """
			applications:
			  app:
			    type: php:%s
			services:
			  db:
			    type: mariadb:10.11
			""";

	@Autowired
	IngestCodeChanges ingest;

	@Autowired
	RegisterArtifact registerArtifact;

	@Autowired
	SaveConfigRevision saveConfig;

	@Autowired
	ConfigureApprovalPolicy policies;

	@Autowired
	RequestDeployment request;

	@Autowired
	DecideOnDeployment decide;

	@Autowired
	DispatchDeployments dispatch;

	@Autowired
	ReportDeploymentStatus report;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	Caller caller(String email) {
		return ProjectTestSupport.caller(this.users, this.memberships, this.transactions, email, "acme");
	}

	void commit(Caller caller, String project, String sha, String message, String committedAt) {
		this.ingest.ingest(caller, project,
				List.of(new CommitInput(sha, "main", "Dana Developer", message, committedAt, null)));
	}

	void build(Caller caller, String project, String version, String sha) {
		this.registerArtifact.register(caller, project,
				new RegisterArtifact.Input(version, sha, "sha256:" + "ab".repeat(32)));
	}

	/** Saves a revision on top of {@code base} (null for the first). */
	int config(Caller caller, String project, String environment, Integer base, String php,
			List<VariableInput> variables) {
		return this.saveConfig
			.save(caller,
					new SaveConfigRevision.Command(project, environment, base, SPEC.formatted(php), variables,
							"php " + php))
			.number();
	}

	static VariableInput variable(String name, String value) {
		return new VariableInput(name, value, false, Visibility.BOTH);
	}

	Deployment requested(Caller caller, String project, String environment, String version, Integer revision) {
		return this.request.request(caller, project, environment,
				new RequestDeployment.Input(version, revision, null, "reject", null, false, null));
	}

	Deployment emergency(Caller caller, String project, String environment, String version, String reason) {
		return this.request.request(caller, project, environment,
				new RequestDeployment.Input(version, null, null, "reject", null, true, reason));
	}

	void approve(Caller approver, String project, String environment, Deployment deployment) {
		this.decide.decide(approver, project, environment, deployment.id(),
				new DecideOnDeployment.Input("approve", "Looks right"));
	}

	void reject(Caller approver, String project, String environment, Deployment deployment, String comment) {
		this.decide.decide(approver, project, environment, deployment.id(),
				new DecideOnDeployment.Input("reject", comment));
	}

	/** Starts it now and reports how it ended. */
	Deployment run(Caller reporter, String project, String environment, Deployment deployment, String status,
			String message) {
		DispatchDeployments.Outcome outcome = this.dispatch
			.start(new DueDeployments.Due(reporter.orgId(), deployment.id()));
		assertThat(outcome).isEqualTo(DispatchDeployments.Outcome.STARTED);
		Deployment finished = this.report.report(reporter, project, environment, deployment.id(),
				new ReportDeploymentStatus.Input(status, message, null));
		assertThat(finished.status()).isEqualTo(DeploymentStatus.fromValue(status).orElseThrow());
		return finished;
	}

	void allowSelfApproval(Caller owner, String project, String environment) {
		this.policies.update(owner, project, environment,
				new ConfigureApprovalPolicy.Input(1, List.of("LEAD", "ADMIN", "OWNER"), true, 72, null));
	}

}
