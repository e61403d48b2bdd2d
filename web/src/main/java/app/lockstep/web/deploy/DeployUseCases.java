package app.lockstep.web.deploy;

import java.time.Clock;
import java.time.Duration;

import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.code.Artifacts;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.config.ConfigRevisions;
import app.lockstep.domain.config.SecretCipher;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.deploy.ApprovalPolicies;
import app.lockstep.domain.deploy.Approvals;
import app.lockstep.domain.deploy.CancelDeployment;
import app.lockstep.domain.deploy.ChangeDeployment;
import app.lockstep.domain.deploy.ConfigureApprovalPolicy;
import app.lockstep.domain.deploy.ConfigureDeployTarget;
import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.DeployTargetSecrets;
import app.lockstep.domain.deploy.DeployTargets;
import app.lockstep.domain.deploy.DeployerClient;
import app.lockstep.domain.deploy.DeploymentNotifier;
import app.lockstep.domain.deploy.DeploymentSupport;
import app.lockstep.domain.deploy.Deployments;
import app.lockstep.domain.deploy.DispatchDeployments;
import app.lockstep.domain.deploy.RecheckWaitingDeployments;
import app.lockstep.domain.deploy.DueDeployments;
import app.lockstep.domain.deploy.RedeployPrevious;
import app.lockstep.domain.deploy.ReportDeploymentStatus;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.domain.deploy.ReviewEmergency;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.tenancy.Members;
import app.lockstep.domain.tenancy.Organizations;
import app.lockstep.domain.window.WindowCheck;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the deployment use cases to their ports. */
@Configuration(proxyBeanMethods = false)
class DeployUseCases {

	@Bean
	DeploymentSupport deploymentSupport(Projects projects, Environments environments, Artifacts artifacts,
			CodeChanges codeChanges, Deployments deployments, Approvals approvals, ApprovalPolicies policies,
			DeployTargets targets, WindowCheck windows, Members members, Organizations organizations, AuditLog auditLog,
			DeploymentNotifier notifier, Transactions transactions, Clock clock) {
		return new DeploymentSupport(projects, environments, artifacts, codeChanges, deployments, approvals, policies,
				targets, windows, members, organizations, auditLog, notifier, transactions, clock);
	}

	@Bean
	DeployTargetSecrets deployTargetSecrets(SecretCipher cipher) {
		return new DeployTargetSecrets(cipher);
	}

	@Bean
	RequestDeployment requestDeployment(DeploymentSupport support, ConfigRevisions revisions) {
		return new RequestDeployment(support, revisions);
	}

	@Bean
	DecideOnDeployment decideOnDeployment(DeploymentSupport support) {
		return new DecideOnDeployment(support);
	}

	@Bean
	ChangeDeployment changeDeployment(DeploymentSupport support, ConfigRevisions revisions) {
		return new ChangeDeployment(support, revisions);
	}

	@Bean
	CancelDeployment cancelDeployment(DeploymentSupport support) {
		return new CancelDeployment(support);
	}

	@Bean
	ReportDeploymentStatus reportDeploymentStatus(DeploymentSupport support) {
		return new ReportDeploymentStatus(support);
	}

	@Bean
	ReviewEmergency reviewEmergency(DeploymentSupport support) {
		return new ReviewEmergency(support);
	}

	@Bean
	RedeployPrevious redeployPrevious(DeploymentSupport support, RequestDeployment request) {
		return new RedeployPrevious(support, request);
	}

	@Bean
	ConfigureApprovalPolicy configureApprovalPolicy(DeploymentSupport support) {
		return new ConfigureApprovalPolicy(support);
	}

	@Bean
	ConfigureDeployTarget configureDeployTarget(DeploymentSupport support, DeployTargetSecrets secrets) {
		return new ConfigureDeployTarget(support, secrets);
	}

	@Bean
	ViewDeployments viewDeployments(DeploymentSupport support, CodeChanges codeChanges, ConfigRevisions revisions,
			ViewConfig viewConfig) {
		return new ViewDeployments(support, codeChanges, revisions, viewConfig);
	}

	@Bean
	DispatchDeployments dispatchDeployments(DeploymentSupport support, DueDeployments dueDeployments,
			DeployerClient client, DeployTargetSecrets secrets,
			@Value("${lockstep.deployments.delivery-attempts:6}") int attempts,
			@Value("${lockstep.deployments.retry-base:10s}") Duration retryBase,
			@Value("${lockstep.deployments.delivery-lease:5s}") Duration lease) {
		return new DispatchDeployments(support, dueDeployments, client, secrets,
				new DispatchDeployments.RetryPolicy(attempts, retryBase), lease);
	}

	/** Deployments waiting for a window are decided again whenever windows change. */
	@Bean
	RecheckWaitingDeployments recheckWaitingDeployments(DeploymentSupport support) {
		return new RecheckWaitingDeployments(support);
	}

}
