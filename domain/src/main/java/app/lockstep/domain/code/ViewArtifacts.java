package app.lockstep.domain.code;

import java.util.List;

import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * A project's artifacts, newest first, one page at a time (keyset: the next page starts
 * before the last version shown); and one artifact by version.
 */
@UseCase
public final class ViewArtifacts {

	public static final int MAX_PAGE = 200;

	private final Artifacts artifacts;

	private final Projects projects;

	private final Transactions transactions;

	public ViewArtifacts(Artifacts artifacts, Projects projects, Transactions transactions) {
		this.artifacts = artifacts;
		this.projects = projects;
		this.transactions = transactions;
	}

	/** One page, and the version to continue before when there are more. */
	public record Page(List<Artifact> artifacts, @Nullable String nextBefore) {
	}

	public Page list(Caller caller, String projectSlug, @Nullable String beforeVersion, int limit) {
		caller.require(Permission.VIEW_PROJECTS);
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		String before = (beforeVersion == null || beforeVersion.isBlank()) ? null : beforeVersion.strip();
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = project(caller, projectSlug);
			List<Artifact> page = this.artifacts.page(caller.orgId(), project.id(), before, size + 1);
			boolean more = page.size() > size;
			List<Artifact> shown = more ? page.subList(0, size) : page;
			return new Page(List.copyOf(shown), more ? shown.get(shown.size() - 1).version() : null);
		});
	}

	public Artifact get(Caller caller, String projectSlug, String version) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = project(caller, projectSlug);
			return this.artifacts.artifact(caller.orgId(), project.id(), version)
				.orElseThrow(() -> new NotFoundException("No artifact " + version + " in " + projectSlug + "."));
		});
	}

	private Project project(Caller caller, String projectSlug) {
		return this.projects.findBySlug(caller.orgId(), projectSlug)
			.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
	}

}
