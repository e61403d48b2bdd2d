package app.lockstep.web.project.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.access.Scope;
import app.lockstep.domain.template.ManageTemplates;
import app.lockstep.domain.template.ProjectTemplate;
import app.lockstep.domain.template.TemplateDrift;
import app.lockstep.domain.template.TemplateEnvironment;
import app.lockstep.web.shared.RequiresScope;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Project templates as JSON: list, save a project as one, delete one; a project's drift
 * from its template and bringing it in line. A project is created from a template with
 * {@code "template"} on POST …/projects. Reads with {@code config:read}; changes (members
 * who manage policies) with {@code deployments:write}.
 */
@RestController
class TemplatesApiController {

	private final ManageTemplates templates;

	private final TemplateDrift drift;

	TemplatesApiController(ManageTemplates templates, TemplateDrift drift) {
		this.templates = templates;
		this.drift = drift;
	}

	record SaveBody(@Nullable String project, @Nullable String slug, @Nullable String name) {
	}

	@GetMapping("/api/v1/orgs/{org}/templates")
	@RequiresScope(Scope.CONFIG_READ)
	List<Map<String, @Nullable Object>> list(Caller caller) {
		return this.templates.list(caller).stream().map(TemplatesApiController::json).toList();
	}

	@PostMapping("/api/v1/orgs/{org}/templates")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	ResponseEntity<Map<String, @Nullable Object>> save(Caller caller, @RequestBody SaveBody body) {
		ProjectTemplate saved = this.templates.saveFromProject(caller, body.project(), body.slug(), body.name());
		return ResponseEntity.status(HttpStatus.CREATED).body(json(saved));
	}

	@DeleteMapping("/api/v1/orgs/{org}/templates/{slug}")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	ResponseEntity<Void> delete(Caller caller, @PathVariable String slug) {
		this.templates.delete(caller, slug);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/orgs/{org}/projects/{project}/template-drift")
	@RequiresScope(Scope.CONFIG_READ)
	Map<String, @Nullable Object> drift(Caller caller, @PathVariable String project) {
		return json(this.drift.view(caller, project));
	}

	@PostMapping("/api/v1/orgs/{org}/projects/{project}/template-drift/apply")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	Map<String, @Nullable Object> apply(Caller caller, @PathVariable String project) {
		return json(this.drift.bringInLine(caller, project));
	}

	private static Map<String, @Nullable Object> json(TemplateDrift.View view) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("template", (view.template() != null) ? view.template().slug() : null);
		List<Map<String, @Nullable Object>> differences = new ArrayList<>();
		for (TemplateDrift.Difference difference : view.differences()) {
			Map<String, @Nullable Object> d = new LinkedHashMap<>();
			d.put("environment", difference.environment());
			d.put("what", difference.what());
			d.put("template", difference.template());
			d.put("project", difference.project());
			d.put("fixable", difference.fixable());
			differences.add(d);
		}
		json.put("differences", differences);
		return json;
	}

	private static Map<String, @Nullable Object> json(ProjectTemplate template) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("slug", template.slug());
		json.put("name", template.name());
		List<Map<String, @Nullable Object>> environments = new ArrayList<>();
		for (TemplateEnvironment environment : template.environments()) {
			Map<String, @Nullable Object> e = new LinkedHashMap<>();
			e.put("name", environment.name());
			e.put("tier", environment.tier().name());
			e.put("branchPattern", environment.branchPattern());
			if (environment.gate() != null) {
				e.put("requiredApprovals", environment.gate().requiredApprovals());
				e.put("approverRoles", environment.gate().approverRoles().stream().sorted().map(Role::name).toList());
				e.put("requiresSuccessIn", environment.gate().requiresSuccessIn());
			}
			e.put("ownWindows", environment.windows() != null);
			e.put("targetType", environment.targetType().value());
			environments.add(e);
		}
		json.put("environments", environments);
		json.put("sharedVariables", template.sharedVariables());
		json.put("specSkeleton", template.specSkeleton());
		json.put("updatedBy", template.updatedBy());
		return json;
	}

}
