package app.lockstep.domain.project;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
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
 * Renames an environment, changes its tier, branch pattern or time zone, or moves it in
 * the promotion order.
 */
@UseCase
public final class UpdateEnvironment {

	private final Projects projects;

	private final Environments environments;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public UpdateEnvironment(Projects projects, Environments environments, AuditLog auditLog, Transactions transactions,
			Clock clock) {
		this.projects = projects;
		this.environments = environments;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Environment update(Caller caller, String projectSlug, String environmentName, EnvironmentInput input) {
		caller.require(Permission.EDIT_PROJECTS);
		Validation validation = new Validation();
		input.validate(validation, false);
		validation.throwIfInvalid();
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = this.projects.findBySlug(caller.orgId(), projectSlug)
				.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
			List<Environment> ordered = this.environments.listForUpdate(caller.orgId(), project.id());
			Environment before = ordered.stream()
				.filter((e) -> e.name().equals(environmentName))
				.findFirst()
				.orElseThrow(() -> new NotFoundException(
						"No environment \"" + environmentName + "\" in " + projectSlug + "."));
			Environment edited = new Environment(before.id(), before.projectId(),
					(input.name() != null) ? input.name().strip() : before.name(),
					(input.tier() != null)
							? Objects.requireNonNull(EnvironmentInput.parseTier(input.tier())) : before.tier(),
					before.position(),
					(input.branchPattern() != null) ? ProjectInput.blankToNull(input.branchPattern())
							: before.branchPattern(),
					(input.timeZone() != null && !input.timeZone().isBlank()) ? ZoneId.of(input.timeZone().strip())
							: before.timeZone());
			int position = (input.position() != null) ? input.position() : before.position();
			List<Environment> renumbered = EnvironmentOrder.move(ordered, edited, position);
			Environment after = edited;
			for (Environment environment : renumbered) {
				Environment old = ordered.stream()
					.filter((e) -> e.id().equals(environment.id()))
					.findFirst()
					.orElseThrow();
				if (environment.id().equals(before.id())) {
					after = environment;
				}
				if (!environment.equals(old)) {
					this.environments.update(caller.orgId(), environment, this.clock.instant());
				}
			}
			if (!after.equals(before)) {
				this.auditLog.append(caller.orgId(), caller.actor(),
						AuditEntry.of("environment.updated", "environment", after.id().toString())
							.project(project.slug())
							.environment(after.name())
							.changes(ProjectFields.of(before), ProjectFields.of(after))
							.build());
			}
			return after;
		});
	}

}
