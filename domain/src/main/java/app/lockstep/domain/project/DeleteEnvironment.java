package app.lockstep.domain.project;

import java.time.Clock;
import java.util.List;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

/**
 * Deletes an environment once its name is typed to confirm; the others close the gap. The
 * audit trail stays.
 */
@UseCase
public final class DeleteEnvironment {

	private final Projects projects;

	private final Environments environments;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public DeleteEnvironment(Projects projects, Environments environments, AuditLog auditLog, Transactions transactions,
			Clock clock) {
		this.projects = projects;
		this.environments = environments;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public void delete(Caller caller, String projectSlug, String environmentName, String confirmation) {
		caller.require(Permission.DELETE_PROJECTS);
		if (!environmentName.equals(confirmation.strip())) {
			throw new ValidationException("confirmation",
					"Type the environment's name \"" + environmentName + "\" exactly to confirm the deletion.");
		}
		this.transactions.inTenant(caller.orgId(), () -> {
			Project project = this.projects.findBySlug(caller.orgId(), projectSlug)
				.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
			List<Environment> ordered = this.environments.listForUpdate(caller.orgId(), project.id());
			Environment doomed = ordered.stream()
				.filter((e) -> e.name().equals(environmentName))
				.findFirst()
				.orElseThrow(() -> new NotFoundException(
						"No environment \"" + environmentName + "\" in " + projectSlug + "."));
			this.environments.delete(caller.orgId(), doomed.id());
			int position = 1;
			for (Environment environment : ordered) {
				if (!environment.id().equals(doomed.id())) {
					if (environment.position() != position) {
						this.environments.update(caller.orgId(), EnvironmentOrder.at(environment, position),
								this.clock.instant());
					}
					position++;
				}
			}
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("environment.deleted", "environment", doomed.id().toString())
						.project(project.slug())
						.environment(doomed.name())
						.detail("environment", ProjectFields.of(doomed))
						.build());
			return null;
		});
	}

}
