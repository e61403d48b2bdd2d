package app.lockstep.web.window;

import java.time.Clock;

import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.window.DeploymentWindows;
import app.lockstep.domain.window.ManageOrganizationFreezes;
import app.lockstep.domain.window.UpdateDeploymentWindows;
import app.lockstep.domain.window.ViewDeploymentWindows;
import app.lockstep.domain.window.WindowChanges;
import app.lockstep.domain.window.WindowCheck;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the deployment window use cases, and the window check deployments ask. */
@Configuration(proxyBeanMethods = false)
class WindowUseCases {

	@Bean
	WindowCheck windowCheck(DeploymentWindows windows, Transactions transactions) {
		return new WindowCheck(windows, transactions);
	}

	@Bean
	ViewDeploymentWindows viewDeploymentWindows(Projects projects, Environments environments, WindowCheck windowCheck,
			Transactions transactions, Clock clock) {
		return new ViewDeploymentWindows(projects, environments, windowCheck, transactions, clock);
	}

	@Bean
	UpdateDeploymentWindows updateDeploymentWindows(Projects projects, Environments environments,
			DeploymentWindows windows, WindowCheck windowCheck, AuditLog auditLog, Transactions transactions,
			Clock clock, WindowChanges changes) {
		return new UpdateDeploymentWindows(projects, environments, windows, windowCheck, auditLog, transactions, clock,
				changes);
	}

	@Bean
	ManageOrganizationFreezes manageOrganizationFreezes(DeploymentWindows windows, AuditLog auditLog,
			Transactions transactions, Clock clock, WindowChanges changes) {
		return new ManageOrganizationFreezes(windows, auditLog, transactions, clock, changes);
	}

}
