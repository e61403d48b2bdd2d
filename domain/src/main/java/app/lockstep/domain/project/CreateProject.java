package app.lockstep.domain.project;

import java.time.Clock;
import java.util.Objects;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

@UseCase
public final class CreateProject {

	private final Projects projects;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public CreateProject(Projects projects, AuditLog auditLog, Transactions transactions, Clock clock) {
		this.projects = projects;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Project create(Caller caller, ProjectInput input) {
		caller.require(Permission.EDIT_PROJECTS);
		Validation validation = new Validation();
		input.validate(validation, true);
		validation.throwIfInvalid();
		// slug and name were required above
		Project project = new Project(ProjectId.random(), Objects.requireNonNull(input.slug()).strip(),
				Objects.requireNonNull(input.name()).strip(), ProjectInput.blankToNull(input.repositoryUrl()),
				ProjectInput.blankToNull(input.description()), this.clock.instant());
		return this.transactions.inTenant(caller.orgId(), () -> {
			this.projects.create(caller.orgId(), project);
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("project.created", "project", project.id().toString())
						.project(project.slug())
						.changes(java.util.Map.of(), ProjectFields.of(project))
						.build());
			return project;
		});
	}

}
