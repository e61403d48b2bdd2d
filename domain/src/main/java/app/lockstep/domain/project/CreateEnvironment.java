package app.lockstep.domain.project;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

/**
 * Adds an environment to a project, at the end of the promotion order unless a position
 * is given (the others move down). The time zone defaults to the organization's.
 */
@UseCase
public final class CreateEnvironment {

	private final Projects projects;

	private final Environments environments;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public CreateEnvironment(Projects projects, Environments environments, AuditLog auditLog, Transactions transactions,
			Clock clock) {
		this.projects = projects;
		this.environments = environments;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Environment create(Caller caller, String projectSlug, EnvironmentInput input) {
		caller.require(Permission.EDIT_PROJECTS);
		Validation validation = new Validation();
		input.validate(validation, true);
		validation.throwIfInvalid();
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = this.projects.findBySlug(caller.orgId(), projectSlug)
				.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
			List<Environment> existing = this.environments.listForUpdate(caller.orgId(), project.id());
			int last = existing.size() + 1;
			int position = (input.position() == null) ? last : Math.min(input.position(), last);
			ZoneId zone = (input.timeZone() == null || input.timeZone().isBlank()) ? caller.organization().timeZone()
					: ZoneId.of(input.timeZone().strip());
			// name and tier were required and checked above
			Environment environment = new Environment(EnvironmentId.random(), project.id(),
					Objects.requireNonNull(input.name()).strip(),
					Objects.requireNonNull(EnvironmentInput.parseTier(input.tier())), position,
					ProjectInput.blankToNull(input.branchPattern()), zone);
			List<Environment> reordered = new ArrayList<>(existing);
			reordered.add(position - 1, environment);
			for (int i = 0; i < reordered.size(); i++) {
				Environment other = reordered.get(i);
				if (other != environment && other.position() != i + 1) {
					this.environments.update(caller.orgId(), EnvironmentOrder.at(other, i + 1), this.clock.instant());
				}
			}
			this.environments.create(caller.orgId(), environment, this.clock.instant());
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("environment.created", "environment", environment.id().toString())
						.project(project.slug())
						.environment(environment.name())
						.changes(Map.of(), ProjectFields.of(environment))
						.build());
			return environment;
		});
	}

}
