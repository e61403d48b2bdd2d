package app.lockstep.domain.config;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.config.spec.InfrastructureSpec;
import app.lockstep.domain.config.spec.Spec;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Starts a new environment's config as a copy of another's latest revision (an
 * environment per branch starts from its parent), inside the caller's unit of work.
 * Sealed values are copied as they are: they are bound to the organization and the
 * variable's name, not to the environment, so nothing is decrypted. The copy is revision
 * 1, says what it was cloned from, and is a {@code config.revision_created} event.
 */
@UseCase
public final class CloneConfig {

	private final ConfigRevisions revisions;

	private final AuditLog auditLog;

	private final Clock clock;

	public CloneConfig(ConfigRevisions revisions, AuditLog auditLog, Clock clock) {
		this.revisions = revisions;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * The revision of {@code from} that was copied, or null when it has no config (the
	 * new environment then has none either).
	 */
	public @Nullable Integer cloneInto(OrgId org, Actor actor, Project project, Environment from, Environment into) {
		Optional<ConfigRevision> source = this.revisions.latest(org, new ConfigScope(project.id(), from.id()));
		if (source.isEmpty()) {
			return null;
		}
		ConfigRevision parent = source.get();
		ConfigScope scope = new ConfigScope(project.id(), into.id());
		this.revisions.lock(org, scope);
		Spec spec = InfrastructureSpec.read(parent.infrastructure());
		ChangeSummary summary = ChangeSummary.of(Spec.EMPTY, spec,
				VariableDiff.between(List.of(), parent.variables().stream().map(StoredVariable::state).toList()));
		String message = "Cloned from " + from.name() + " revision " + parent.number() + ".";
		ConfigRevision copy = new ConfigRevision(UUID.randomUUID(), scope, 1, parent.infrastructure(),
				parent.variables(), message, actor, this.clock.instant(), null, summary.text());
		this.revisions.insert(org, copy);
		this.auditLog.append(org, actor,
				AuditEntry.of("config.revision_created", "config_revision", copy.id().toString())
					.project(project.slug())
					.environment(into.name())
					.detail("revision", 1)
					.detail("summary", summary.text())
					.detail("message", message)
					.detail("clonedFrom", from.name())
					.detail("clonedRevision", parent.number())
					.build());
		return parent.number();
	}

}
