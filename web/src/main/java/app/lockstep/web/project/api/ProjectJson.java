package app.lockstep.web.project.api;

import java.time.Instant;
import java.util.List;

import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectWithEnvironments;
import org.jspecify.annotations.Nullable;

/** A project as the API returns it, with its environments in promotion order. */
record ProjectJson(String slug, String name, @Nullable String repositoryUrl, @Nullable String description,
		Instant createdAt, List<EnvironmentJson> environments) {

	static ProjectJson of(ProjectWithEnvironments project) {
		Project p = project.project();
		return new ProjectJson(p.slug(), p.name(), p.repositoryUrl(), p.description(), p.createdAt(),
				project.environments().stream().map(EnvironmentJson::of).toList());
	}

}
