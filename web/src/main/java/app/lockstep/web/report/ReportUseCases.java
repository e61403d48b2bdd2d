package app.lockstep.web.report;

import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.deploy.ChangeReport;
import app.lockstep.domain.deploy.CompareDeployments;
import app.lockstep.domain.deploy.Approvals;
import app.lockstep.domain.deploy.DeploymentPlaces;
import app.lockstep.domain.deploy.Deployments;
import app.lockstep.domain.deploy.KnownArtifacts;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.window.WindowCheck;
import app.lockstep.domain.code.Artifacts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the report use cases to their ports. */
@Configuration(proxyBeanMethods = false)
class ReportUseCases {

	@Bean
	ChangeReport changeReport(DeploymentPlaces places, Deployments deployments, Approvals approvals,
			WindowCheck windows, Artifacts artifacts, CodeChanges codeChanges, ViewConfig viewConfig,
			Transactions transactions) {
		return new ChangeReport(places, deployments, approvals, windows, artifacts, codeChanges, viewConfig,
				transactions);
	}

	@Bean
	CompareDeployments compareDeployments(DeploymentPlaces places, Deployments deployments, Artifacts artifacts,
			KnownArtifacts knownArtifacts, CodeChanges codeChanges, ViewConfig viewConfig, Transactions transactions) {
		return new CompareDeployments(places, deployments, artifacts, knownArtifacts, codeChanges, viewConfig,
				transactions);
	}

}
