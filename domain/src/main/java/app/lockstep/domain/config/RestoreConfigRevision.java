package app.lockstep.domain.config;

import java.time.Clock;
import java.util.Optional;

import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Restoring revision N creates a new revision equal to N (history is never rewritten).
 */
@UseCase
public final class RestoreConfigRevision {

	private final Projects projects;

	private final Environments environments;

	private final ConfigRevisions revisions;

	private final RevisionWriter writer;

	private final Transactions transactions;

	public RestoreConfigRevision(Projects projects, Environments environments, ConfigRevisions revisions,
			AuditLog auditLog, Transactions transactions, Clock clock) {
		this.projects = projects;
		this.environments = environments;
		this.revisions = revisions;
		this.writer = new RevisionWriter(revisions, auditLog, clock);
		this.transactions = transactions;
	}

	public ConfigRevision restore(Caller caller, String projectSlug, @Nullable String environmentName, int number,
			@Nullable Integer baseRevision) {
		caller.require(Permission.EDIT_CONFIG);
		return this.transactions.inTenant(caller.orgId(), () -> {
			ConfigTarget target = ConfigTarget.resolve(this.projects, this.environments, caller.orgId(), projectSlug,
					environmentName);
			Optional<ConfigRevision> latest = this.writer.latest(caller, target);
			ConfigRevision old = this.revisions.find(caller.orgId(), target.scope(), number)
				.orElseThrow(() -> new NotFoundException("No revision " + number + " of this config."));
			if (baseRevision != null) {
				this.writer.requireBase(caller, target, baseRevision, latest);
			}
			return this.writer.write(caller, target, latest, old.infrastructure(), old.variables(),
					"Restored revision " + number, number, "config.revision_restored");
		});
	}

}
