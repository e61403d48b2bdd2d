package app.lockstep.web.deploy;

import java.util.Map;

import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.deploy.ConfigureApprovalPolicy;
import app.lockstep.domain.deploy.ConfigureAutoDeploy;
import app.lockstep.domain.deploy.ConfigureDeployTarget;
import app.lockstep.domain.deploy.DeployTarget;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.web.deploy.SettingsForms.PolicyForm;
import app.lockstep.web.deploy.SettingsForms.TargetForm;
import app.lockstep.web.shared.Refusals;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * An environment's deployment settings: the approval gate, the deploy target and
 * automatic deployments, each its own form. Members who manage policies change them;
 * everyone else reads them. A refused save keeps what was typed (never the secret), shows
 * each error beside its field, answers 422 and saves nothing. htmx gets the form's card
 * back; plain forms a redirect.
 */
@Controller
@RequestMapping("/orgs/{org}/projects/{project}/environments/{environment}/deployment-settings")
class DeploymentSettingsController {

	static final String PAGE = "deploy/settings";

	static final String POLICY_FRAGMENT = "deploy/fragments/settings-forms :: policy";

	static final String TARGET_FRAGMENT = "deploy/fragments/settings-forms :: target";

	static final String AUTO_FRAGMENT = "deploy/fragments/settings-forms :: auto";

	private final ViewProjects viewProjects;

	private final ConfigureApprovalPolicy policies;

	private final ConfigureDeployTarget targets;

	private final ConfigureAutoDeploy autoDeploys;

	DeploymentSettingsController(ViewProjects viewProjects, ConfigureApprovalPolicy policies,
			ConfigureDeployTarget targets, ConfigureAutoDeploy autoDeploys) {
		this.viewProjects = viewProjects;
		this.policies = policies;
		this.targets = targets;
		this.autoDeploys = autoDeploys;
	}

	@GetMapping
	String page(Caller caller, @PathVariable String project, @PathVariable String environment, Model model) {
		return page(caller, project, environment, null, null, model);
	}

	@PostMapping("/approval-policy")
	String savePolicy(Caller caller, @PathVariable String project, @PathVariable String environment,
			HttpServletRequest request, HttpServletResponse response, HtmxRequest htmx, Model model,
			RedirectAttributes redirect) {
		caller.require(Permission.MANAGE_POLICIES);
		PolicyForm form = PolicyForm.from(request);
		return Refusals.onForm(INVALID).submit(response, () -> {
			ApprovalPolicy saved = this.policies.update(caller, project, environment, form.toInput());
			String notice = "Approval gate saved: " + gate(saved) + ".";
			if (!htmx.isHtmxRequest()) {
				redirect.addFlashAttribute("flash", notice);
				return "redirect:" + DeploymentPaths.settings(caller.organization().slug(), project, environment);
			}
			page(caller, project, environment, PolicyForm.of(saved), null, model);
			model.addAttribute("policyNotice", notice);
			return POLICY_FRAGMENT;
		}, (refused) -> {
			page(caller, project, environment, form, null, model);
			model.addAttribute("policyErrors", refused.errors());
			return htmx.isHtmxRequest() ? POLICY_FRAGMENT : PAGE;
		});
	}

	/**
	 * The explicit way out of a gate nobody else can pass (a person working alone): the
	 * environment's gate as it is, with self-approval allowed. An audit event like any
	 * change of the gate; back to the request form or the deployment it was offered on.
	 */
	@PostMapping("/allow-self-approval")
	String allowSelfApproval(Caller caller, @PathVariable String project, @PathVariable String environment,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		caller.require(Permission.MANAGE_POLICIES);
		ApprovalPolicy current = this.policies.view(caller, project, environment);
		PolicyForm form = PolicyForm.of(current);
		ApprovalPolicy saved = this.policies.update(caller, project, environment,
				new PolicyForm(form.requiredApprovals(), form.approverRoles(), true, form.approvalValidHours(),
						form.requiresSuccessIn())
					.toInput());
		redirect.addFlashAttribute("flash", "Self-approval allowed on " + environment + " (" + gate(saved)
				+ "): your own approval counts and is marked \u201cself-approved\u201d on the deployment, in the audit log "
				+ "and in the change report. Turn it off in the deployment settings once someone else can approve.");
		String org = caller.organization().slug();
		if ("request".equals(back)) {
			return "redirect:" + DeploymentPaths.environment(org, project, environment) + "/deployments/new";
		}
		if (back != null && back.matches("[0-9a-f-]{36}")) {
			return "redirect:" + DeploymentPaths.deployment(org, project, environment,
					app.lockstep.domain.deploy.DeploymentId.parse(back));
		}
		return "redirect:" + DeploymentPaths.settings(org, project, environment);
	}

	@PostMapping("/deploy-target")
	String saveTarget(Caller caller, @PathVariable String project, @PathVariable String environment,
			HttpServletRequest request, HttpServletResponse response, HtmxRequest htmx, Model model,
			RedirectAttributes redirect) {
		caller.require(Permission.MANAGE_POLICIES);
		TargetForm form = TargetForm.from(request);
		return Refusals.onForm(INVALID).submit(response, () -> {
			DeployTarget saved = this.targets.update(caller, project, environment,
					form.toInput(request.getParameter("secret")));
			String notice = "Deploy target saved: "
					+ ((saved.type() == DeployTarget.Type.WEBHOOK) ? "webhook to " + saved.url() : "manual") + ".";
			if (!htmx.isHtmxRequest()) {
				redirect.addFlashAttribute("flash", notice);
				return "redirect:" + DeploymentPaths.settings(caller.organization().slug(), project, environment);
			}
			page(caller, project, environment, null, TargetForm.of(saved), model);
			model.addAttribute("targetNotice", notice);
			return TARGET_FRAGMENT;
		}, (refused) -> {
			page(caller, project, environment, null, form, model);
			model.addAttribute("targetErrors", refused.errors());
			return htmx.isHtmxRequest() ? TARGET_FRAGMENT : PAGE;
		});
	}

	@PostMapping("/auto-deploy")
	String saveAutoDeploy(Caller caller, @PathVariable String project, @PathVariable String environment,
			HttpServletRequest request, HttpServletResponse response, HtmxRequest htmx, Model model,
			RedirectAttributes redirect) {
		AutoDeployForm form = AutoDeployForm.from(request);
		return Refusals.onForm(INVALID).submit(response, () -> {
			ConfigureAutoDeploy.View saved = this.autoDeploys.update(caller, project, environment, form.toInput());
			String notice = (saved.rule() != null)
					? "Automatic deployments on: " + saved.rule().describe(saved.environment()) + "."
					: "Automatic deployments off.";
			if (!htmx.isHtmxRequest()) {
				redirect.addFlashAttribute("flash", notice);
				return "redirect:" + DeploymentPaths.settings(caller.organization().slug(), project, environment);
			}
			page(caller, project, environment, null, null, model);
			model.addAttribute("autoNotice", notice);
			return AUTO_FRAGMENT;
		}, (refused) -> {
			page(caller, project, environment, null, null, model);
			model.addAttribute("autoForm", form);
			model.addAttribute("autoErrors", refused.errors());
			return htmx.isHtmxRequest() ? AUTO_FRAGMENT : PAGE;
		});
	}

	static String gate(ApprovalPolicy policy) {
		if (policy.requiredApprovals() == 0) {
			return "no approval needed";
		}
		return policy.requiredApprovals() + " approval" + ((policy.requiredApprovals() == 1) ? "" : "s") + ", valid "
				+ policy.approvalValidHours() + " hours";
	}

	private String page(Caller caller, String project, String environment, @Nullable PolicyForm policyForm,
			@Nullable TargetForm targetForm, Model model) {
		ProjectWithEnvironments p = this.viewProjects.project(caller, project);
		Environment env = p.environments()
			.stream()
			.filter((e) -> e.name().equals(environment))
			.findFirst()
			.orElseGet(() -> this.viewProjects.environment(caller, project, environment));
		DeployTarget target = this.targets.view(caller, project, environment);
		app.lockstep.domain.deploy.EffectiveGate gate = this.policies.effective(caller, project, environment);
		ApprovalPolicy policy = gate.policy();
		model.addAttribute("gateSource", "Approvals: " + gate.approvalsSource() + ".");
		model.addAttribute("gateLocked", gate.locked());
		model.addAttribute("section", "dashboard");
		model.addAttribute("project", p.project());
		model.addAttribute("environment", env);
		model.addAttribute("otherEnvironments",
				p.environments().stream().filter((e) -> !e.name().equals(environment)).map(Environment::name).toList());
		model.addAttribute("roles", SettingsForms.APPROVER_ROLES);
		model.addAttribute("policy", policy);
		model.addAttribute("target", target);
		boolean secretSet = target.type() == DeployTarget.Type.WEBHOOK && target.secret() != null;
		model.addAttribute("secretSet", secretSet);
		model.addAttribute("wording", new SettingsText(p.project(), env, policy, secretSet));
		model.addAttribute("policyForm", (policyForm != null) ? policyForm : PolicyForm.of(policy));
		model.addAttribute("targetForm", (targetForm != null) ? targetForm : TargetForm.of(target));
		ConfigureAutoDeploy.View auto = this.autoDeploys.view(caller, project, environment);
		model.addAttribute("autoForm", AutoDeployForm.of(auto.rule()));
		model.addAttribute("autoCard", AutoDeployCard.of(auto, caller.organization().slug(), project));
		model.addAttribute("autoErrors", Map.of());
		model.addAttribute("policyErrors", Map.of());
		model.addAttribute("targetErrors", Map.of());
		model.addAttribute("canManage", caller.can(Permission.MANAGE_POLICIES));
		model.addAttribute("base", DeploymentPaths.settings(caller.organization().slug(), project, environment));
		return PAGE;
	}

}
