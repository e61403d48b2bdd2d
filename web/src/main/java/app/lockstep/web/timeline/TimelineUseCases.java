package app.lockstep.web.timeline;

import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.timeline.EnvironmentTimeline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the environment timeline. */
@Configuration(proxyBeanMethods = false)
class TimelineUseCases {

	@Bean
	EnvironmentTimeline environmentTimeline(Projects projects, Environments environments, AuditLog auditLog,
			CodeChanges codeChanges, Transactions transactions) {
		return new EnvironmentTimeline(projects, environments, auditLog, codeChanges, transactions);
	}

}
