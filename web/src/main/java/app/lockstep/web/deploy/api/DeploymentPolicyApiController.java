package app.lockstep.web.deploy.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.deploy.AutoDeployRule;
import app.lockstep.domain.deploy.AutomaticDeployment;
import app.lockstep.domain.deploy.ConfigureApprovalPolicy;
import app.lockstep.domain.deploy.ConfigureAutoDeploy;
import app.lockstep.domain.deploy.ConfigureDeployTarget;
import app.lockstep.domain.deploy.DeployTarget;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.access.Scope;
import app.lockstep.web.shared.RequiresScope;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An environment's approval gate, deploy target and automatic deployments as JSON. GET
 * with {@code config:read}; PUT (members who manage policies) with
 * {@code deployments:write}. The target's secret is write-only: answers only say whether
 * one is set.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/environments/{environment}")
class DeploymentPolicyApiController {

	private final ConfigureApprovalPolicy policies;

	private final ConfigureDeployTarget targets;

	private final ConfigureAutoDeploy autoDeploys;

	DeploymentPolicyApiController(ConfigureApprovalPolicy policies, ConfigureDeployTarget targets,
			ConfigureAutoDeploy autoDeploys) {
		this.policies = policies;
		this.targets = targets;
		this.autoDeploys = autoDeploys;
	}

	@GetMapping("/approval-policy")
	@RequiresScope(Scope.CONFIG_READ)
	Map<String, @Nullable Object> policy(Caller caller, @PathVariable String project,
			@PathVariable String environment) {
		return policyJson(this.policies.view(caller, project, environment));
	}

	@PutMapping("/approval-policy")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	Map<String, @Nullable Object> putPolicy(Caller caller, @PathVariable String project,
			@PathVariable String environment, @RequestBody ConfigureApprovalPolicy.Input body) {
		return policyJson(this.policies.update(caller, project, environment, body));
	}

	@GetMapping("/deploy-target")
	@RequiresScope(Scope.CONFIG_READ)
	Map<String, @Nullable Object> target(Caller caller, @PathVariable String project,
			@PathVariable String environment) {
		return targetJson(this.targets.view(caller, project, environment));
	}

	@PutMapping("/deploy-target")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	Map<String, @Nullable Object> putTarget(Caller caller, @PathVariable String project,
			@PathVariable String environment, @RequestBody ConfigureDeployTarget.Input body) {
		return targetJson(this.targets.update(caller, project, environment, body));
	}

	@GetMapping("/auto-deploy")
	@RequiresScope(Scope.CONFIG_READ)
	Map<String, @Nullable Object> autoDeploy(Caller caller, @PathVariable String project,
			@PathVariable String environment) {
		return autoDeployJson(this.autoDeploys.view(caller, project, environment));
	}

	@PutMapping("/auto-deploy")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	Map<String, @Nullable Object> putAutoDeploy(Caller caller, @PathVariable String project,
			@PathVariable String environment, @RequestBody ConfigureAutoDeploy.Input body) {
		return autoDeployJson(this.autoDeploys.update(caller, project, environment, body));
	}

	static Map<String, @Nullable Object> autoDeployJson(ConfigureAutoDeploy.View view) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		AutoDeployRule rule = view.rule();
		json.put("enabled", rule != null);
		if (rule != null) {
			json.put("source", rule.source().name().toLowerCase(Locale.ROOT));
			json.put("branchPattern", view.environment().branchPattern());
			json.put("tagPattern", rule.tagPattern());
			json.put("whenBlocked", rule.whenBlocked().value());
			json.put("setBy", rule.updatedByName());
			json.put("setAt", rule.updatedAt().toString());
		}
		List<Map<String, @Nullable Object>> recent = new ArrayList<>();
		for (AutomaticDeployment trigger : view.recent()) {
			Map<String, @Nullable Object> item = new LinkedHashMap<>();
			item.put("at", trigger.createdAt().toString());
			item.put("artifact", trigger.version());
			item.put("trigger", trigger.ref());
			item.put("pushedBy", trigger.pushedBy());
			item.put("outcome", trigger.outcome().name().toLowerCase(Locale.ROOT));
			item.put("detail", trigger.detail());
			item.put("deploymentId", (trigger.deployment() != null) ? trigger.deployment().toString() : null);
			recent.add(item);
		}
		json.put("recent", recent);
		return json;
	}

	static Map<String, @Nullable Object> policyJson(ApprovalPolicy policy) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("requiredApprovals", policy.requiredApprovals());
		json.put("approverRoles", policy.approverRoles().stream().sorted().map(Role::name).toList());
		json.put("allowSelfApproval", policy.allowSelfApproval());
		json.put("approvalValidHours", policy.approvalValidHours());
		json.put("requiresSuccessIn", policy.requiresSuccessIn());
		json.put("default", policy.isDefault());
		return json;
	}

	static Map<String, @Nullable Object> targetJson(DeployTarget target) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("type", target.type().value());
		json.put("url", target.url());
		json.put("secretSet", target.secret() != null);
		json.put("timeoutMinutes", target.timeoutMinutes());
		return json;
	}

}
