package app.lockstep.domain.project;

import java.time.Clock;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

/** Renames a project, or changes its slug, repository or description. */
@UseCase
public final class UpdateProject {

	private final Projects projects;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public UpdateProject(Projects projects, AuditLog auditLog, Transactions transactions, Clock clock) {
		this.projects = projects;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Project update(Caller caller, String projectSlug, ProjectInput input) {
		caller.require(Permission.EDIT_PROJECTS);
		Validation validation = new Validation();
		input.validate(validation, false);
		validation.throwIfInvalid();
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project before = this.projects.findBySlug(caller.orgId(), projectSlug)
				.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
			Project after = new Project(before.id(), (input.slug() != null) ? input.slug().strip() : before.slug(),
					(input.name() != null) ? input.name().strip() : before.name(),
					(input.repositoryUrl() != null) ? ProjectInput.blankToNull(input.repositoryUrl())
							: before.repositoryUrl(),
					(input.description() != null) ? ProjectInput.blankToNull(input.description())
							: before.description(),
					before.createdAt());
			if (after.equals(before)) {
				return before;
			}
			this.projects.update(caller.orgId(), after, this.clock.instant());
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("project.updated", "project", after.id().toString())
						.project(after.slug())
						.changes(ProjectFields.of(before), ProjectFields.of(after))
						.build());
			return after;
		});
	}

}
