package app.lockstep.web.report;

import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.deploy.ChangeReport;
import app.lockstep.domain.deploy.CompareDeployments;
import app.lockstep.domain.deploy.DeploymentSupport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the report use cases to their ports. */
@Configuration(proxyBeanMethods = false)
class ReportUseCases {

	@Bean
	ChangeReport changeReport(DeploymentSupport support, CodeChanges codeChanges, ViewConfig viewConfig) {
		return new ChangeReport(support, codeChanges, viewConfig);
	}

	@Bean
	CompareDeployments compareDeployments(DeploymentSupport support, CodeChanges codeChanges, ViewConfig viewConfig) {
		return new CompareDeployments(support, codeChanges, viewConfig);
	}

}
