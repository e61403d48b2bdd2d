package app.lockstep.web.project;

import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectInput;
import org.jspecify.annotations.Nullable;

/**
 * What the project forms (new, edit) post; kept as typed when the submission is refused.
 */
record ProjectForm(@Nullable String name, @Nullable String slug, @Nullable String repositoryUrl,
		@Nullable String description) {

	static ProjectForm empty() {
		return new ProjectForm("", "", "", "");
	}

	static ProjectForm of(Project project) {
		return new ProjectForm(project.name(), project.slug(), orEmpty(project.repositoryUrl()),
				orEmpty(project.description()));
	}

	/** Absent fields (null) are left unchanged by an edit and refused by a create. */
	ProjectInput toInput() {
		return new ProjectInput(this.slug, this.name, this.repositoryUrl, this.description);
	}

	static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
