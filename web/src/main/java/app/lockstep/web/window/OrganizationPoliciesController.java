package app.lockstep.web.window;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.deploy.ConfigureOrganizationGate;
import app.lockstep.domain.deploy.OrganizationGate;
import app.lockstep.domain.window.ConfigureOrganizationWindows;
import app.lockstep.domain.window.OrganizationWindows;
import app.lockstep.domain.window.WindowRules;
import app.lockstep.web.shared.Refusals;
import app.lockstep.web.shared.TypedNumbers;
import app.lockstep.web.tenancy.TimeZones;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * The organization's policies for production environments: one approval gate and one set
 * of deployment windows, each for every project or chosen ones, each overridable by an
 * environment or not. Members who manage policies change them; everyone else reads them.
 * A refused save shows the page again with each error beside its field (422) and saves
 * nothing.
 */
@Controller
@RequestMapping("/orgs/{org}/policies")
class OrganizationPoliciesController {

	static final String PAGE = "window/policies";

	private final ConfigureOrganizationGate gates;

	private final ConfigureOrganizationWindows windows;

	OrganizationPoliciesController(ConfigureOrganizationGate gates, ConfigureOrganizationWindows windows) {
		this.gates = gates;
		this.windows = windows;
	}

	/** The gate form as typed. */
	record GateForm(boolean enabled, String requiredApprovals, List<String> approverRoles, boolean allowSelfApproval,
			String approvalValidHours, List<String> projects, boolean overridable) {

		static GateForm of(@Nullable OrganizationGate gate, List<String> chosen) {
			if (gate == null) {
				return new GateForm(false, "1", List.of("OWNER", "ADMIN", "LEAD"), false, "72", List.of(), false);
			}
			ApprovalPolicy policy = gate.policy();
			return new GateForm(true, String.valueOf(policy.requiredApprovals()),
					policy.approverRoles().stream().map(Role::name).toList(), policy.allowSelfApproval(),
					String.valueOf(policy.approvalValidHours()), chosen, gate.overridable());
		}

		static GateForm from(HttpServletRequest request) {
			return new GateForm(request.getParameter("enabled") != null, text(request, "requiredApprovals"),
					values(request, "approverRoles"), request.getParameter("allowSelfApproval") != null,
					text(request, "approvalValidHours"), values(request, "projects"),
					request.getParameter("overridable") != null);
		}

		public boolean has(String role) {
			return this.approverRoles.contains(role);
		}

		public boolean covers(String project) {
			return this.projects.contains(project);
		}

		ConfigureOrganizationGate.Input toInput() {
			return new ConfigureOrganizationGate.Input(this.enabled, TypedNumbers.of(this.requiredApprovals),
					this.approverRoles, this.allowSelfApproval, TypedNumbers.of(this.approvalValidHours), this.projects,
					this.overridable);
		}

	}

	/** The windows part's scope as typed (the rules are a {@link WindowsForm}). */
	record WindowsScope(boolean enabled, List<String> projects, boolean overridable) {

		public boolean covers(String project) {
			return this.projects.contains(project);
		}

		static WindowsScope from(HttpServletRequest request) {
			return new WindowsScope(request.getParameter("windowsEnabled") != null, values(request, "windowProjects"),
					request.getParameter("windowsOverridable") != null);
		}

	}

	@GetMapping
	String page(Caller caller, Model model) {
		return page(caller, null, null, null, Map.of(), Map.of(), model);
	}

	@PostMapping("/approval-gate")
	String saveGate(Caller caller, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		caller.require(Permission.MANAGE_POLICIES);
		GateForm form = GateForm.from(request);
		return Refusals.onForm(INVALID).submit(response, () -> {
			ConfigureOrganizationGate.View saved = this.gates.update(caller, form.toInput());
			redirect.addFlashAttribute("flash",
					(saved.gate() != null) ? "Organization approval gate saved: " + gateLine(saved) + "."
							: "Organization approval gate removed: each production environment's own gate applies.");
			return "redirect:/orgs/" + caller.organization().slug() + "/policies";
		}, (refused) -> page(caller, form, null, null, refused.errors(), Map.of(), model));
	}

	@PostMapping("/windows")
	String saveWindows(Caller caller, @RequestParam(defaultValue = "save") String action, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		caller.require(Permission.MANAGE_POLICIES);
		WindowsScope scope = WindowsScope.from(request);
		WindowsForm form = WindowsForm.from(request);
		if ("more-rows".equals(action)) {
			return page(caller, null, scope, form.withEmptyRows(true), Map.of(), Map.of(), model);
		}
		return Refusals.onForm(INVALID).submit(response, () -> {
			ConfigureOrganizationWindows.View saved = this.windows.update(caller,
					new ConfigureOrganizationWindows.Input(scope.enabled(), form.toInput(), scope.projects(),
							scope.overridable()));
			redirect.addFlashAttribute("flash", (saved.windows() != null)
					? "Organization deployment windows saved: " + windowsLine(saved) + "."
					: "Organization deployment windows removed: each production environment's own windows apply.");
			return "redirect:/orgs/" + caller.organization().slug() + "/policies";
		}, (refused) -> page(caller, null, scope, form, Map.of(), form.formErrors(refused.errors()), model));
	}

	private String page(Caller caller, @Nullable GateForm gateForm, @Nullable WindowsScope scope,
			@Nullable WindowsForm windowsForm, Map<String, String> gateErrors, Map<String, String> windowErrors,
			Model model) {
		ConfigureOrganizationGate.View gate = this.gates.view(caller);
		ConfigureOrganizationWindows.View windows = this.windows.view(caller);
		OrganizationGate savedGate = gate.gate();
		OrganizationWindows savedWindows = windows.windows();
		List<String> gateProjects = (savedGate == null || savedGate.allProjects()) ? List.of()
				: gate.projects()
					.stream()
					.filter((p) -> savedGate.projects().contains(p.id()))
					.map((p) -> p.slug())
					.toList();
		List<String> windowProjects = (savedWindows == null || savedWindows.allProjects()) ? List.of()
				: windows.projects()
					.stream()
					.filter((p) -> savedWindows.projects().contains(p.id()))
					.map((p) -> p.slug())
					.toList();
		model.addAttribute("section", "policies");
		model.addAttribute("pageTitle", "Policies · " + caller.organization().name() + " · Lockstep");
		model.addAttribute("projects", gate.projects());
		model.addAttribute("roles",
				Arrays.stream(Role.values()).filter(ApprovalPolicy::decidesAtAll).map(Role::name).toList());
		model.addAttribute("gateLine", gateLine(gate));
		model.addAttribute("windowsLine", windowsLine(windows));
		model.addAttribute("gateForm", (gateForm != null) ? gateForm : GateForm.of(savedGate, gateProjects));
		model.addAttribute("gateErrors", gateErrors);
		model.addAttribute("scope", (scope != null) ? scope : new WindowsScope(savedWindows != null, windowProjects,
				savedWindows != null && savedWindows.overridable()));
		model.addAttribute("form",
				((windowsForm != null) ? windowsForm
						: WindowsForm.of((savedWindows != null) ? savedWindows.rules() : WindowRules
							.defaultFor(app.lockstep.domain.project.Tier.PRODUCTION, caller.organization().timeZone())))
					.withEmptyRows(false));
		model.addAttribute("errors", windowErrors);
		model.addAttribute("days", WindowsForm.DAYS);
		model.addAttribute("timeZones", TimeZones.ALL);
		model.addAttribute("canManage", caller.can(Permission.MANAGE_POLICIES));
		return PAGE;
	}

	private static String gateLine(ConfigureOrganizationGate.View view) {
		OrganizationGate gate = view.gate();
		if (gate == null) {
			return "None: each production environment has its own gate (or its tier's default).";
		}
		int required = gate.policy().requiredApprovals();
		return ((required == 0) ? "no approval needed" : required + " approval" + ((required == 1) ? "" : "s"))
				+ " for production in " + scope(gate.allProjects(), gate.projects().size()) + (gate.overridable()
						? ", unless an environment has its own gate" : ", which environments cannot override")
				+ "; set by " + gate.updatedByName();
	}

	private static String windowsLine(ConfigureOrganizationWindows.View view) {
		OrganizationWindows windows = view.windows();
		if (windows == null) {
			return "None: each production environment has its own windows (or its tier's default).";
		}
		return "windows for production in "
				+ scope(windows.allProjects(), windows.projects().size()) + (windows.overridable()
						? ", unless an environment has its own" : ", which environments cannot override")
				+ "; set by " + windows.updatedBy();
	}

	private static String scope(boolean all, int chosen) {
		return all ? "every project" : chosen + " chosen project" + ((chosen == 1) ? "" : "s");
	}

	private static String text(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		return (value != null) ? value : "";
	}

	private static List<String> values(HttpServletRequest request, String name) {
		@Nullable String[] values = request.getParameterValues(name);
		return (values != null) ? Arrays.stream(values).filter((v) -> v != null && !v.isBlank()).toList() : List.of();
	}

}
