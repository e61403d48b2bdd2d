package app.lockstep.web.deploy.api;

import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.deploy.ConfigureApprovalPolicy;
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
 * An environment's approval gate and deploy target as JSON. GET with {@code config:read};
 * PUT (members who manage policies) with {@code deployments:write}. The target's secret
 * is write-only: answers only say whether one is set.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/environments/{environment}")
class DeploymentPolicyApiController {

	private final ConfigureApprovalPolicy policies;

	private final ConfigureDeployTarget targets;

	DeploymentPolicyApiController(ConfigureApprovalPolicy policies, ConfigureDeployTarget targets) {
		this.policies = policies;
		this.targets = targets;
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
