package app.lockstep.domain.code;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Records commits sent through the API (for forges without a Lockstep webhook).
 * Idempotent per project and sha: sending the same commits again stores nothing and logs
 * nothing. Every batch of new commits is a {@code code.pushed} audit event per branch,
 * naming the API token (or the member) that sent it. Needs the permission to edit
 * projects (the scope {@code code:write}); every commit must be valid or none is stored.
 */
@UseCase
public final class IngestCodeChanges {

	private final Projects projects;

	private final CodeIngestion ingestion;

	private final Transactions transactions;

	private final Clock clock;

	public IngestCodeChanges(Projects projects, CodeChanges codeChanges, AuditLog auditLog, Transactions transactions,
			Clock clock) {
		this.projects = projects;
		this.ingestion = new CodeIngestion(codeChanges, auditLog);
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * How many commits were sent (duplicates in the request counted once) and the shas
	 * that were new.
	 */
	public record Result(int received, List<String> stored) {
	}

	public Result ingest(Caller caller, String projectSlug, @Nullable List<CommitInput> commits) {
		caller.require(Permission.EDIT_PROJECTS);
		List<Commit> valid = Commit.validate(commits);
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = this.projects.findBySlug(caller.orgId(), projectSlug)
				.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
			List<String> stored = this.ingestion.store(caller.orgId(), project.id(), project.slug(), valid,
					CodeSource.API, caller.actor(), this.clock.instant(), Map.of());
			return new Result(valid.size(), stored);
		});
	}

}
