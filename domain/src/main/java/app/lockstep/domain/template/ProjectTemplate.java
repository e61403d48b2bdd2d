package app.lockstep.domain.template;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A project's shape saved for new projects: its environments in promotion order, the
 * names of its shared (project-level) variables, without values, and a spec skeleton
 * every environment starts from.
 */
public record ProjectTemplate(UUID id, String slug, String name, List<TemplateEnvironment> environments,
		List<String> sharedVariables, String specSkeleton, Instant updatedAt, String updatedBy) {

	public ProjectTemplate {
		environments = List.copyOf(environments);
		sharedVariables = List.copyOf(sharedVariables);
	}

}
