package app.lockstep.web.window.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.access.Scope;
import app.lockstep.domain.deploy.ConfigureOrganizationGate;
import app.lockstep.domain.deploy.OrganizationGate;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.window.ConfigureOrganizationWindows;
import app.lockstep.domain.window.OrganizationWindows;
import app.lockstep.domain.window.WindowRules;
import app.lockstep.domain.window.WindowRulesInput;
import app.lockstep.web.shared.RequiresScope;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's policies for production as JSON: the approval gate and the windows,
 * each with the projects it covers ({@code "all"} or slugs) and whether environments may
 * override it. GET with {@code config:read}; PUT (members who manage policies) with
 * {@code deployments:write}.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/policies")
class OrganizationPoliciesApiController {

	private final ConfigureOrganizationGate gates;

	private final ConfigureOrganizationWindows windows;

	OrganizationPoliciesApiController(ConfigureOrganizationGate gates, ConfigureOrganizationWindows windows) {
		this.gates = gates;
		this.windows = windows;
	}

	/** The windows PUT: the rules as for an environment, with the scope. */
	record WindowsBody(@Nullable Boolean enabled, @Nullable WindowsRequest rules, @Nullable List<String> projects,
			@Nullable Boolean overridable) {
	}

	@GetMapping("/approval-gate")
	@RequiresScope(Scope.CONFIG_READ)
	Map<String, @Nullable Object> gate(Caller caller) {
		return gateJson(this.gates.view(caller));
	}

	@PutMapping("/approval-gate")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	Map<String, @Nullable Object> putGate(Caller caller, @RequestBody ConfigureOrganizationGate.Input body) {
		return gateJson(this.gates.update(caller, body));
	}

	@GetMapping("/windows")
	@RequiresScope(Scope.CONFIG_READ)
	Map<String, @Nullable Object> windows(Caller caller) {
		return windowsJson(this.windows.view(caller));
	}

	@PutMapping("/windows")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	Map<String, @Nullable Object> putWindows(Caller caller, @RequestBody WindowsBody body) {
		WindowRulesInput rules = (body.rules() != null) ? body.rules().toInput() : null;
		return windowsJson(this.windows.update(caller,
				new ConfigureOrganizationWindows.Input(body.enabled(), rules, body.projects(), body.overridable())));
	}

	private static Map<String, @Nullable Object> gateJson(ConfigureOrganizationGate.View view) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		OrganizationGate gate = view.gate();
		json.put("enabled", gate != null);
		if (gate != null) {
			json.put("requiredApprovals", gate.policy().requiredApprovals());
			json.put("approverRoles", gate.policy().approverRoles().stream().sorted().map(Role::name).toList());
			json.put("allowSelfApproval", gate.policy().allowSelfApproval());
			json.put("approvalValidHours", gate.policy().approvalValidHours());
			json.put("projects", projects(gate.allProjects(), gate.projects(), view.projects()));
			json.put("overridable", gate.overridable());
			json.put("setBy", gate.updatedByName());
		}
		return json;
	}

	private static Map<String, @Nullable Object> windowsJson(ConfigureOrganizationWindows.View view) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		OrganizationWindows windows = view.windows();
		json.put("enabled", windows != null);
		if (windows != null) {
			WindowRules rules = windows.rules();
			Map<String, Object> shape = new LinkedHashMap<>();
			shape.put("timeZone", rules.timeZone().getId());
			shape.put("blocks", rules.blocks()
				.stream()
				.map((block) -> Map.of("label", block.label(), "days", WindowRulesInput.dayNames(block.days()), "from",
						WindowRulesInput.format(block.from()), "to", WindowRulesInput.formatEnd(block.to())))
				.toList());
			shape.put("allowedHours",
					rules.allowedHours()
						.stream()
						.map((hours) -> Map.of("days", WindowRulesInput.dayNames(hours.days()), "from",
								WindowRulesInput.format(hours.from()), "to", WindowRulesInput.formatEnd(hours.to())))
						.toList());
			shape.put("freezes", rules.freezes().stream().map(WindowsJson.FreezeJson::of).toList());
			json.put("rules", shape);
			json.put("projects", projects(windows.allProjects(), windows.projects(), view.projects()));
			json.put("overridable", windows.overridable());
			json.put("setBy", windows.updatedBy());
		}
		return json;
	}

	private static Object projects(boolean all, java.util.Set<app.lockstep.domain.project.ProjectId> chosen,
			List<Project> projects) {
		return all ? "all" : projects.stream().filter((p) -> chosen.contains(p.id())).map(Project::slug).toList();
	}

}
