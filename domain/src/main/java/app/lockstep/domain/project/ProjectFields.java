package app.lockstep.domain.project;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The audited fields of projects and environments, for before/after details. */
final class ProjectFields {

	private ProjectFields() {
	}

	static Map<String, @Nullable Object> of(Project project) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("slug", project.slug());
		fields.put("name", project.name());
		fields.put("repositoryUrl", project.repositoryUrl());
		fields.put("description", project.description());
		return fields;
	}

	static Map<String, @Nullable Object> of(Environment environment) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("name", environment.name());
		fields.put("tier", environment.tier().name());
		fields.put("position", environment.position());
		fields.put("branchPattern", environment.branchPattern());
		fields.put("timeZone", environment.timeZone().getId());
		return fields;
	}

}
