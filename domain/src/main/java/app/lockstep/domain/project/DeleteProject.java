package app.lockstep.domain.project;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

/**
 * Deletes a project and its environments, once its slug is typed to confirm. The audit
 * trail stays.
 */
@UseCase
public final class DeleteProject {

	private final Projects projects;

	private final Environments environments;

	private final AuditLog auditLog;

	private final Transactions transactions;

	public DeleteProject(Projects projects, Environments environments, AuditLog auditLog, Transactions transactions) {
		this.projects = projects;
		this.environments = environments;
		this.auditLog = auditLog;
		this.transactions = transactions;
	}

	public void delete(Caller caller, String projectSlug, String confirmation) {
		caller.require(Permission.DELETE_PROJECTS);
		if (!projectSlug.equals(confirmation.strip())) {
			throw new ValidationException("confirmation",
					"Type the project's slug \"" + projectSlug + "\" exactly to confirm the deletion.");
		}
		this.transactions.inTenant(caller.orgId(), () -> {
			Project project = this.projects.findBySlug(caller.orgId(), projectSlug)
				.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
			var names = this.environments.list(caller.orgId(), project.id()).stream().map(Environment::name).toList();
			if (!this.projects.delete(caller.orgId(), project.id())) {
				// Deleted by a concurrent request since it was read.
				throw new NotFoundException("No project \"" + projectSlug + "\".");
			}
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("project.deleted", "project", project.id().toString())
						.project(project.slug())
						.detail("project", ProjectFields.of(project))
						.detail("environments", names)
						.build());
			return null;
		});
	}

}
