package app.lockstep.web.project.api;

import app.lockstep.domain.project.ProjectInput;
import org.jspecify.annotations.Nullable;

/**
 * The body of POST and PATCH on projects. On PATCH an absent (or null) field stays as it
 * is; an empty string clears the optional ones (repositoryUrl, description). On POST,
 * {@code template} names a project template to create it from.
 */
record ProjectRequest(@Nullable String slug, @Nullable String name, @Nullable String repositoryUrl,
		@Nullable String description, @Nullable String template) {

	ProjectInput toInput() {
		return new ProjectInput(this.slug, this.name, this.repositoryUrl, this.description);
	}

}
