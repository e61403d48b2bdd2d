package app.lockstep.domain.project;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import app.lockstep.domain.shared.Validation;
import org.jspecify.annotations.Nullable;

/**
 * The projects an organization-wide rule names, by slug: none named means every project.
 * An unknown slug is an error on the field {@code projects}.
 */
public final class ChosenProjects {

	private ChosenProjects() {
	}

	/** The ids of the named projects among {@code all}; empty for every project. */
	public static Set<ProjectId> resolve(List<Project> all, @Nullable List<String> slugs, Validation validation) {
		Set<ProjectId> chosen = new LinkedHashSet<>();
		for (String slug : (slugs != null) ? slugs : List.<String>of()) {
			String wanted = slug.strip();
			all.stream()
				.filter((p) -> p.slug().equals(wanted))
				.findFirst()
				.ifPresentOrElse((p) -> chosen.add(p.id()),
						() -> validation.add("projects", "No project \"" + wanted + "\" in this organization."));
		}
		return chosen;
	}

	/** As the audit trail says it: "all", or the slugs. */
	public static Object describe(boolean allProjects, Set<ProjectId> chosen, List<Project> all) {
		return allProjects ? "all" : all.stream().filter((p) -> chosen.contains(p.id())).map(Project::slug).toList();
	}

}
