package app.lockstep.web.project.api;

import app.lockstep.domain.project.ProjectInput;
import org.jspecify.annotations.Nullable;

/**
 * The body of POST and PATCH on projects. On PATCH an absent (or null) field stays as it
 * is; an empty string clears the optional ones (repositoryUrl, description).
 */
record ProjectRequest(@Nullable String slug, @Nullable String name, @Nullable String repositoryUrl,
		@Nullable String description) {

	ProjectInput toInput() {
		return new ProjectInput(this.slug, this.name, this.repositoryUrl, this.description);
	}

}
