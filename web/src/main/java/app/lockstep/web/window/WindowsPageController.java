package app.lockstep.web.window;

import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.window.UpdateDeploymentWindows;
import app.lockstep.domain.window.EffectiveWindows;
import app.lockstep.domain.window.ViewDeploymentWindows;
import app.lockstep.web.tenancy.TimeZones;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
 * An environment's deployment windows: the editor (time zone, blocks, allowed hours,
 * freezes) for members who manage policies, the same rules read-only for everyone else,
 * and the status card alone for htmx to refresh. A refused save keeps what was typed,
 * shows each error beside its field, answers 422 and saves nothing.
 */
@Controller
@RequestMapping("/orgs/{org}/projects/{project}/environments/{environment}/windows")
class WindowsPageController {

	static final String PAGE = "window/windows";

	static final String STATUS_FRAGMENT = "window/fragments/status :: card";

	private final ViewDeploymentWindows view;

	private final UpdateDeploymentWindows update;

	WindowsPageController(ViewDeploymentWindows view, UpdateDeploymentWindows update) {
		this.view = view;
		this.update = update;
	}

	@GetMapping
	String page(Caller caller, @PathVariable String project, @PathVariable String environment, Model model) {
		ViewDeploymentWindows.Overview overview = this.view.view(caller, project, environment);
		return page(caller, overview, WindowsForm.of(overview.rules()), Map.of(), model);
	}

	/** The status card alone, which the environment page refreshes every minute. */
	@GetMapping("/status")
	String status(Caller caller, @PathVariable String project, @PathVariable String environment, Model model) {
		model.addAttribute("windows", WindowStatus.view(caller, this.view.view(caller, project, environment)));
		return STATUS_FRAGMENT;
	}

	@PostMapping
	String save(Caller caller, @PathVariable String project, @PathVariable String environment,
			@RequestParam(defaultValue = "save") String action, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		caller.require(Permission.MANAGE_POLICIES);
		WindowsForm form = WindowsForm.from(request);
		if ("more-rows".equals(action)) {
			return page(caller, this.view.view(caller, project, environment), form.withEmptyRows(true), Map.of(),
					model);
		}
		return Refusals.onForm(INVALID).submit(response, () -> {
			ViewDeploymentWindows.Overview saved = this.update.update(caller, project, environment, form.toInput());
			redirect.addFlashAttribute("flash", "Deployment windows saved. " + saved.summary() + ".");
			return "redirect:" + WindowStatus.path(caller.organization().slug(), project, environment);
		}, (refused) -> page(caller, this.view.view(caller, project, environment), form,
				form.formErrors(refused.errors()), model));
	}

	private String page(Caller caller, ViewDeploymentWindows.Overview overview, WindowsForm form,
			Map<String, String> errors, Model model) {
		model.addAttribute("section", "dashboard");
		model.addAttribute("project", overview.project());
		model.addAttribute("environment", overview.environment());
		model.addAttribute("windows", WindowStatus.view(caller, overview));
		model.addAttribute("form", form.withEmptyRows(false));
		model.addAttribute("days", WindowsForm.DAYS);
		model.addAttribute("errors", errors);
		model.addAttribute("timeZones", TimeZones.ALL);
		EffectiveWindows effective = overview.windows();
		model.addAttribute("canManage", caller.can(Permission.MANAGE_POLICIES) && !effective.locked());
		model.addAttribute("organizationNote", !effective.fromOrganization() ? null : effective.locked()
				? "These are the organization's windows for production, set by " + effective.updatedBy()
						+ "; environments cannot override them. Owners and admins change them on the organization's "
						+ "policies page."
				: "These are the organization's windows for production, set by " + effective.updatedBy()
						+ ", until this environment saves its own.");
		model.addAttribute("pageTitle", "Deployment windows · " + overview.environment().name() + " · "
				+ overview.project().name() + " · Lockstep");
		model.addAttribute("placeName", overview.project().name() + "/" + overview.environment().name());
		return PAGE;
	}

}
