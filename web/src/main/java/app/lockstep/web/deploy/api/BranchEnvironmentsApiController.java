package app.lockstep.web.deploy.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Scope;
import app.lockstep.domain.deploy.BranchRule;
import app.lockstep.domain.deploy.ConfigureBranchEnvironments;
import app.lockstep.web.shared.RequiresScope;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's environments per branch as JSON: the rule and the environments branches
 * created. GET with {@code config:read}; PUT (members who manage policies) with
 * {@code deployments:write}.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/branch-environments")
class BranchEnvironmentsApiController {

	private final ConfigureBranchEnvironments branches;

	BranchEnvironmentsApiController(ConfigureBranchEnvironments branches) {
		this.branches = branches;
	}

	@GetMapping
	@RequiresScope(Scope.CONFIG_READ)
	Map<String, @Nullable Object> get(Caller caller, @PathVariable String project) {
		return json(this.branches.view(caller, project));
	}

	@PutMapping
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	Map<String, @Nullable Object> put(Caller caller, @PathVariable String project,
			@RequestBody ConfigureBranchEnvironments.Input body) {
		return json(this.branches.update(caller, project, body));
	}

	private static Map<String, @Nullable Object> json(ConfigureBranchEnvironments.View view) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		BranchRule rule = view.rule();
		json.put("enabled", rule != null);
		if (rule != null) {
			json.put("pattern", rule.pattern());
			json.put("parent", view.parentName());
			json.put("maxActive", rule.maxActive());
			json.put("idleDays", rule.idleDays());
			json.put("setBy", rule.updatedByName());
		}
		List<Map<String, @Nullable Object>> environments = new ArrayList<>();
		for (ConfigureBranchEnvironments.Item item : view.branches()) {
			Map<String, @Nullable Object> e = new LinkedHashMap<>();
			e.put("environment", item.environmentName());
			e.put("branch", item.branch().branch());
			e.put("parent", item.parentName());
			e.put("parentRevision", item.branch().parentRevision());
			e.put("active", item.branch().active());
			e.put("createdAt", item.branch().createdAt().toString());
			e.put("lastPushAt", item.branch().lastPushAt().toString());
			e.put("deactivatedAt",
					(item.branch().deactivatedAt() != null) ? item.branch().deactivatedAt().toString() : null);
			e.put("deactivatedReason", item.branch().deactivatedReason());
			environments.add(e);
		}
		json.put("environments", environments);
		return json;
	}

}
