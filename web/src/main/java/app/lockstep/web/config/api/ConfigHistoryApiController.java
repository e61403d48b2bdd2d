package app.lockstep.web.config.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.StoredVariable;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Scope;
import app.lockstep.web.shared.RequiresScope;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Config history over JSON: revisions newest first (keyset), one revision, a diff. Never
 * a sensitive value.
 */
@RestController
@RequiresScope(Scope.CONFIG_READ)
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/environments/{environment}/config")
class ConfigHistoryApiController {

	private final ViewConfig view;

	ConfigHistoryApiController(ViewConfig view) {
		this.view = view;
	}

	@GetMapping("/revisions")
	Map<String, Object> revisions(Caller caller, @PathVariable String project, @PathVariable("environment") String env,
			@RequestParam(required = false) @Nullable Integer before, @RequestParam(defaultValue = "50") int limit) {
		int size = Math.max(1, Math.min(limit, 200));
		List<ConfigRevision> page = this.view.history(caller, project, env, before, size + 1);
		boolean more = page.size() > size;
		List<ConfigRevision> shown = more ? page.subList(0, size) : page;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("revisions", shown.stream().map(ConfigHistoryApiController::summary).toList());
		body.put("next", more ? shown.get(shown.size() - 1).number() : null);
		return body;
	}

	@GetMapping("/revisions/{n}")
	Map<String, Object> revision(Caller caller, @PathVariable String project, @PathVariable("environment") String env,
			@PathVariable int n) {
		ConfigRevision revision = this.view.revision(caller, project, env, n);
		Map<String, Object> body = summary(revision);
		body.put("infrastructure", revision.infrastructure());
		body.put("variables", revision.variables().stream().map(ConfigHistoryApiController::variable).toList());
		return body;
	}

	@GetMapping("/diff")
	Map<String, Object> diff(Caller caller, @PathVariable String project, @PathVariable("environment") String env,
			@RequestParam int from, @RequestParam int to) {
		ViewConfig.Diff diff = this.view.diff(caller, project, env, from, to);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("from", from);
		body.put("to", to);
		body.put("summary", diff.summary().text());
		body.put("infrastructure",
				diff.specLines()
					.stream()
					.map((line) -> Map.of("kind", line.kind().name(), "oldLine", line.oldLine(), "newLine",
							line.newLine(), "text", line.text()))
					.toList());
		body.put("variables", diff.variableChanges().stream().map((change) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("name", change.name());
			item.put("kind", change.kind().name());
			item.put("sensitive", change.sensitive());
			item.put("before", change.before());
			item.put("after", change.after());
			return item;
		}).toList());
		return body;
	}

	static Map<String, Object> summary(ConfigRevision revision) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("number", revision.number());
		body.put("at", revision.at().toString());
		body.put("author", revision.author().name());
		body.put("message", revision.message());
		body.put("summary", revision.summary());
		body.put("restoredFrom", revision.restoredFrom());
		return body;
	}

	private static Map<String, Object> variable(StoredVariable variable) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", variable.name());
		body.put("sensitive", variable.sensitive());
		body.put("visibility", variable.visibility().name());
		if (variable.sensitive()) {
			body.put("set", true);
		}
		else {
			body.put("value", variable.value());
		}
		return body;
	}

}
