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
import app.lockstep.domain.deploy.DeliverySettings;
import app.lockstep.domain.deploy.DeployTargetSecrets;
import app.lockstep.domain.deploy.DeployTargets;
import app.lockstep.domain.deploy.DeployerClient;
import app.lockstep.domain.deploy.DeploymentNotifier;
import app.lockstep.domain.deploy.DeploymentPlaces;
import app.lockstep.domain.deploy.DeploymentUpdates;
import app.lockstep.domain.deploy.Deployments;
import app.lockstep.domain.deploy.DispatchDeployments;
import app.lockstep.domain.deploy.DueDeployments;
import app.lockstep.domain.deploy.KnownArtifacts;
import app.lockstep.domain.deploy.PromotionCheck;
import app.lockstep.domain.deploy.RecheckWaitingDeployments;
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
	DeploymentPlaces deploymentPlaces(Projects projects, Environments environments, Deployments deployments) {
		return new DeploymentPlaces(projects, environments, deployments);
	}

	@Bean
	PromotionCheck promotionCheck(Environments environments, Deployments deployments) {
		return new PromotionCheck(environments, deployments);
	}

	@Bean
	KnownArtifacts knownArtifacts(Artifacts artifacts) {
		return new KnownArtifacts(artifacts);
	}

	@Bean
	DeploymentUpdates deploymentUpdates(Deployments deployments, AuditLog auditLog, KnownArtifacts artifacts) {
		return new DeploymentUpdates(deployments, auditLog, artifacts);
	}

	@Bean
	DeployTargetSecrets deployTargetSecrets(SecretCipher cipher) {
		return new DeployTargetSecrets(cipher);
	}

	@Bean
	RequestDeployment requestDeployment(DeploymentPlaces places, Deployments deployments, Artifacts artifacts,
			ConfigRevisions revisions, ApprovalPolicies policies, PromotionCheck promotion, WindowCheck windows,
			Members members, DeploymentNotifier notifier, DeploymentUpdates updates, Transactions transactions,
			Clock clock) {
		return new RequestDeployment(places, deployments, artifacts, revisions, policies, promotion, windows, members,
				notifier, updates, transactions, clock);
	}

	@Bean
	DecideOnDeployment decideOnDeployment(DeploymentPlaces places, ApprovalPolicies policies, Approvals approvals,
			WindowCheck windows, DeploymentUpdates updates, Transactions transactions, Clock clock) {
		return new DecideOnDeployment(places, policies, approvals, windows, updates, transactions, clock);
	}

	@Bean
	ChangeDeployment changeDeployment(DeploymentPlaces places, Artifacts artifacts, KnownArtifacts knownArtifacts,
			ConfigRevisions revisions, ApprovalPolicies policies, PromotionCheck promotion, WindowCheck windows,
			Approvals approvals, DeploymentUpdates updates, Transactions transactions, Clock clock) {
		return new ChangeDeployment(places, artifacts, knownArtifacts, revisions, policies, promotion, windows,
				approvals, updates, transactions, clock);
	}

	@Bean
	CancelDeployment cancelDeployment(DeploymentPlaces places, DeploymentUpdates updates, Transactions transactions,
			Clock clock) {
		return new CancelDeployment(places, updates, transactions, clock);
	}

	@Bean
	ReportDeploymentStatus reportDeploymentStatus(DeploymentPlaces places, DeploymentUpdates updates,
			Transactions transactions, Clock clock) {
		return new ReportDeploymentStatus(places, updates, transactions, clock);
	}

	@Bean
	ReviewEmergency reviewEmergency(DeploymentPlaces places, DeploymentUpdates updates, Transactions transactions,
			Clock clock) {
		return new ReviewEmergency(places, updates, transactions, clock);
	}

	@Bean
	RedeployPrevious redeployPrevious(DeploymentPlaces places, Deployments deployments, KnownArtifacts artifacts,
			Transactions transactions, RequestDeployment request) {
		return new RedeployPrevious(places, deployments, artifacts, transactions, request);
	}

	@Bean
	ConfigureApprovalPolicy configureApprovalPolicy(DeploymentPlaces places, Environments environments,
			ApprovalPolicies policies, AuditLog auditLog, Transactions transactions, Clock clock) {
		return new ConfigureApprovalPolicy(places, environments, policies, auditLog, transactions, clock);
	}

	@Bean
	ConfigureDeployTarget configureDeployTarget(DeploymentPlaces places, DeployTargets targets,
			DeployTargetSecrets secrets, AuditLog auditLog, Transactions transactions, Clock clock) {
		return new ConfigureDeployTarget(places, targets, secrets, auditLog, transactions, clock);
	}

	@Bean
	ViewDeployments viewDeployments(DeploymentPlaces places, Deployments deployments, Approvals approvals,
			Environments environments, ApprovalPolicies policies, DeployTargets targets, Artifacts artifacts,
			KnownArtifacts knownArtifacts, AuditLog auditLog, CodeChanges codeChanges, ConfigRevisions revisions,
			ViewConfig viewConfig, Transactions transactions, Clock clock) {
		return new ViewDeployments(places, deployments, approvals, environments, policies, targets, artifacts,
				knownArtifacts, auditLog, codeChanges, revisions, viewConfig, transactions, clock);
	}

	@Bean
	DispatchDeployments dispatchDeployments(DeploymentPlaces places, Deployments deployments,
			DueDeployments dueDeployments, WindowCheck windows, DeployTargets targets, KnownArtifacts artifacts,
			CodeChanges codeChanges, Organizations organizations, DeployTargetSecrets secrets, DeployerClient client,
			DeploymentUpdates updates, Transactions transactions, Clock clock,
			@Value("${lockstep.deployments.delivery-attempts:6}") int attempts,
			@Value("${lockstep.deployments.retry-base:10s}") Duration retryBase,
			@Value("${lockstep.deployments.delivery-lease:5s}") Duration lease) {
		return new DispatchDeployments(places, deployments, dueDeployments, windows, targets, artifacts, codeChanges,
				organizations, secrets, client, updates, transactions, clock,
				new DeliverySettings(attempts, retryBase, lease));
	}

	/** Deployments waiting for a window are decided again whenever windows change. */
	@Bean
	RecheckWaitingDeployments recheckWaitingDeployments(Deployments deployments, DeploymentPlaces places,
			WindowCheck windows, DeploymentUpdates updates) {
		return new RecheckWaitingDeployments(deployments, places, windows, updates);
	}

}
