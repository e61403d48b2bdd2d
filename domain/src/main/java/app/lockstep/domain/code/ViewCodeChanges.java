package app.lockstep.domain.code;

import java.util.List;
import java.util.Locale;

import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * A project's code changes, newest received first, one page at a time (keyset: the next
 * page starts before the last sha shown), optionally on one branch; and one change by
 * sha.
 */
@UseCase
public final class ViewCodeChanges {

	public static final int MAX_PAGE = 200;

	private final CodeChanges codeChanges;

	private final Projects projects;

	private final Transactions transactions;

	public ViewCodeChanges(CodeChanges codeChanges, Projects projects, Transactions transactions) {
		this.codeChanges = codeChanges;
		this.projects = projects;
		this.transactions = transactions;
	}

	/** One page, and the sha to continue before when there are more. */
	public record Page(Project project, List<CodeChange> changes, @Nullable String nextBefore) {
	}

	public Page list(Caller caller, String projectSlug, @Nullable String branch, @Nullable String beforeSha,
			int limit) {
		caller.require(Permission.VIEW_PROJECTS);
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		String onBranch = (branch == null || branch.isBlank()) ? null : branch.strip();
		String before = (beforeSha == null || beforeSha.isBlank()) ? null : beforeSha.strip().toLowerCase(Locale.ROOT);
		if (before != null && !Commit.isSha(before)) {
			throw new ValidationException("before", "Continue before a full commit sha, as nextBefore gave it.");
		}
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = project(caller, projectSlug);
			List<CodeChange> changes = this.codeChanges.page(caller.orgId(), project.id(), onBranch, before, size + 1);
			boolean more = changes.size() > size;
			List<CodeChange> shown = more ? changes.subList(0, size) : changes;
			return new Page(project, List.copyOf(shown), more ? shown.get(shown.size() - 1).sha() : null);
		});
	}

	public CodeChange get(Caller caller, String projectSlug, String sha) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = project(caller, projectSlug);
			return this.codeChanges.find(caller.orgId(), project.id(), sha.strip().toLowerCase(Locale.ROOT))
				.orElseThrow(() -> new NotFoundException("No commit " + sha + " in " + projectSlug + "."));
		});
	}

	private Project project(Caller caller, String projectSlug) {
		return this.projects.findBySlug(caller.orgId(), projectSlug)
			.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
	}

}
