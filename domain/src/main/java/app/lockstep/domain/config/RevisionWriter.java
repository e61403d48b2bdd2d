package app.lockstep.domain.config;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.config.spec.Spec;
import app.lockstep.domain.config.spec.InfrastructureSpec;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import org.jspecify.annotations.Nullable;

/**
 * Adds revision N+1 on top of the revision an edit started from, inside the caller's
 * transaction: refuses a stale base (with what changed meanwhile), refuses "no change",
 * summarises the change and appends the audit event.
 */
final class RevisionWriter {

	private final ConfigRevisions revisions;

	private final AuditLog auditLog;

	private final Clock clock;

	RevisionWriter(ConfigRevisions revisions, AuditLog auditLog, Clock clock) {
		this.revisions = revisions;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Locks the config against concurrent saves and reads its latest revision. */
	Optional<ConfigRevision> latest(Caller caller, ConfigTarget target) {
		this.revisions.lock(caller.orgId(), target.scope());
		return this.revisions.latest(caller.orgId(), target.scope());
	}

	/** Refuses when the latest revision is not the one the edit started from. */
	void requireBase(Caller caller, ConfigTarget target, @Nullable Integer base, Optional<ConfigRevision> latest) {
		int latestNumber = latest.map(ConfigRevision::number).orElse(0);
		int baseNumber = (base != null) ? base : 0;
		if (latestNumber != baseNumber) {
			ConfigRevision newest = latest.orElseThrow(() -> new ValidationException("baseRevision",
					"Revision " + baseNumber + " does not exist; this config has no revision yet."));
			throw stale(caller, target, baseNumber, newest);
		}
	}

	ConfigRevision write(Caller caller, ConfigTarget target, Optional<ConfigRevision> previous, String infrastructure,
			List<StoredVariable> variables, @Nullable String message, @Nullable Integer restoredFrom, String action) {
		Spec before = previous.map((p) -> InfrastructureSpec.read(p.infrastructure())).orElse(Spec.EMPTY);
		Spec after = InfrastructureSpec.read(infrastructure);
		List<VariableChange> changes = VariableDiff.between(
				previous.map(ConfigRevision::variableStates).orElse(List.of()),
				variables.stream().map(StoredVariable::state).toList());
		boolean specChanged = !previous.map(ConfigRevision::infrastructure).orElse("").equals(infrastructure);
		if (previous.isPresent() && !specChanged && changes.isEmpty()) {
			throw new ValidationException("infrastructure",
					"Nothing changed since revision " + previous.get().number() + ", so there is nothing to save.");
		}
		ChangeSummary summary = ChangeSummary.of(before, after, changes);
		int number = previous.map(ConfigRevision::number).orElse(0) + 1;
		ConfigRevision revision = new ConfigRevision(UUID.randomUUID(), target.scope(), number, infrastructure,
				variables, blankToNull(message), caller.actor(), this.clock.instant(), restoredFrom, summary.text());
		try {
			this.revisions.insert(caller.orgId(), revision);
		}
		catch (ConfigRevisions.RevisionTakenException ex) {
			// Only reachable without the lock (which every writer takes); the transaction
			// is aborted by now.
			throw new app.lockstep.domain.shared.ConflictException(
					"Someone saved this config at the same moment. Reload it and save again.");
		}
		this.auditLog.append(caller.orgId(), caller.actor(),
				AuditEntry.of(action, "config_revision", revision.id().toString())
					.project(target.project().slug())
					.environment(target.environmentName())
					.detail("revision", number)
					.detail("summary", summary.text())
					.detail("message", revision.message())
					.detail("restoredFrom", restoredFrom)
					.detail("variablesChanged", changes.stream().map(VariableChange::name).toList())
					.build());
		return revision;
	}

	private StaleConfigException stale(Caller caller, ConfigTarget target, int baseNumber, ConfigRevision newest) {
		Optional<ConfigRevision> base = (baseNumber > 0)
				? this.revisions.find(caller.orgId(), target.scope(), baseNumber) : Optional.empty();
		return new StaleConfigException(newest,
				LineDiff.between(base.map(ConfigRevision::infrastructure).orElse(""), newest.infrastructure()),
				VariableDiff.between(base.map(ConfigRevision::variableStates).orElse(List.of()),
						newest.variableStates()));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
