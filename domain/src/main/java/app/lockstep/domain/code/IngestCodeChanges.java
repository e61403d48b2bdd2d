package app.lockstep.domain.code;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.Validation;
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
 * Each branch's newest commit is where the branch now points, for {@link BuildTriggers}.
 */
@UseCase
public final class IngestCodeChanges {

	private final Projects projects;

	private final CodeIngestion ingestion;

	private final CodeChanges codeChanges;

	private final AuditLog auditLog;

	private final BuildTriggers triggers;

	private final Transactions transactions;

	private final Clock clock;

	public IngestCodeChanges(Projects projects, CodeChanges codeChanges, AuditLog auditLog, BuildTriggers triggers,
			Transactions transactions, Clock clock) {
		this.projects = projects;
		this.ingestion = new CodeIngestion(codeChanges, auditLog);
		this.codeChanges = codeChanges;
		this.auditLog = auditLog;
		this.triggers = triggers;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * How many commits were sent (duplicates in the request counted once) and the shas
	 * that were new.
	 */
	public record Result(int received, List<String> stored) {
	}

	/**
	 * Records a tag pushed at a commit (for forges without a Lockstep webhook): the tag
	 * ({@code v1.2} or {@code refs/tags/v1.2}) and the full sha. Whether it was new; a
	 * new one is a {@code code.tagged} audit event. Either way the tag now points at the
	 * commit, for {@link BuildTriggers}.
	 */
	public boolean tag(Caller caller, String projectSlug, @Nullable String tag, @Nullable String sha) {
		caller.require(Permission.EDIT_PROJECTS);
		Validation validation = new Validation();
		String name = (tag != null) ? tag.strip() : "";
		if (name.startsWith("refs/tags/")) {
			name = name.substring("refs/tags/".length());
		}
		validation.check(
				!name.isEmpty() && name.length() <= Commit.MAX_BRANCH
						&& name.chars().noneMatch(Character::isWhitespace),
				"tag",
				"Name the tag, such as v1.2, without spaces and in " + Commit.MAX_BRANCH + " characters or fewer.");
		String commit = (sha != null) ? sha.strip().toLowerCase(java.util.Locale.ROOT) : "";
		validation.check(Commit.SHA.matcher(commit).matches(), "sha",
				"Give the full sha of the tagged commit (40 hex digits, or 64 for SHA-256 repositories).");
		validation.throwIfInvalid();
		String tagName = name;
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = this.projects.findBySlug(caller.orgId(), projectSlug)
				.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
			boolean added = this.codeChanges.addTag(caller.orgId(), project.id(), tagName, commit,
					this.clock.instant());
			if (added) {
				this.auditLog.append(caller.orgId(), caller.actor(),
						AuditEntry.of("code.tagged", "tag", tagName)
							.project(project.slug())
							.detail("tag", tagName)
							.detail("sha", commit)
							.detail("source", CodeSource.API.value())
							.build());
			}
			this.triggers.moved(caller.orgId(), project.id(), project.slug(), GitRef.tag(tagName), commit,
					caller.name());
			return added;
		});
	}

	/**
	 * Each branch's newest commit among those sent (by commit time; the later one on a
	 * tie).
	 */
	private static Map<String, String> headsOf(List<Commit> commits) {
		Map<String, Commit> heads = new java.util.LinkedHashMap<>();
		for (Commit commit : commits) {
			heads.merge(commit.branch(), commit,
					(known, next) -> next.committedAt().isBefore(known.committedAt()) ? known : next);
		}
		Map<String, String> shas = new java.util.LinkedHashMap<>();
		heads.forEach((branch, commit) -> shas.put(branch, commit.sha()));
		return shas;
	}

	public Result ingest(Caller caller, String projectSlug, @Nullable List<CommitInput> commits) {
		caller.require(Permission.EDIT_PROJECTS);
		List<Commit> valid = Commit.validate(commits);
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = this.projects.findBySlug(caller.orgId(), projectSlug)
				.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
			List<String> stored = this.ingestion.store(caller.orgId(), project.id(), project.slug(), valid,
					CodeSource.API, caller.actor(), this.clock.instant(), Map.of());
			headsOf(valid).forEach((branch, head) -> this.triggers.moved(caller.orgId(), project.id(), project.slug(),
					GitRef.branch(branch), head, caller.name()));
			return new Result(valid.size(), stored);
		});
	}

}
