package app.lockstep.web.project;

import java.util.List;
import java.util.Map;

import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.project.DeleteEnvironment;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentInput;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.project.UpdateEnvironment;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.web.deploy.DeploymentCard;
import app.lockstep.web.tenancy.TimeZones;
import app.lockstep.web.window.WindowStatus;
import app.lockstep.web.shared.Refusals;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;
import static app.lockstep.web.shared.FormRefusal.Kind.TAKEN;

/**
 * An environment's pages (operations first: deployments, config, windows; then a settings
 * tab with the details, edit form and danger zone) and moving an environment up or down
 * the promotion order, which answers htmx with the environment list fragment and plain
 * forms with a redirect.
 */
@Controller
@RequestMapping("/orgs/{org}/projects/{project}/environments/{environment}")
class EnvironmentPageController {

	static final String LIST_FRAGMENT = "project/fragments/environment-list :: list";

	private final ViewProjects viewProjects;

	private final UpdateEnvironment updateEnvironment;

	private final DeleteEnvironment deleteEnvironment;

	private final ViewConfig viewConfig;

	private final WindowStatus windowStatus;

	private final DeploymentCard deploymentCard;

	EnvironmentPageController(ViewProjects viewProjects, UpdateEnvironment updateEnvironment,
			DeleteEnvironment deleteEnvironment, ViewConfig viewConfig, WindowStatus windowStatus,
			DeploymentCard deploymentCard) {
		this.deploymentCard = deploymentCard;
		this.viewProjects = viewProjects;
		this.updateEnvironment = updateEnvironment;
		this.deleteEnvironment = deleteEnvironment;
		this.viewConfig = viewConfig;
		this.windowStatus = windowStatus;
	}

	@GetMapping
	String environment(Caller caller, @PathVariable String project, @PathVariable String environment, Model model) {
		return environmentPage(caller, this.viewProjects.project(caller, project), environment, model);
	}

	/**
	 * The settings tab: details, the edit form and the danger zone, away from the
	 * operations.
	 */
	@GetMapping("/settings")
	String settings(Caller caller, @PathVariable String project, @PathVariable String environment, Model model) {
		return settingsPage(caller, this.viewProjects.project(caller, project), environment, model);
	}

	@PostMapping("/edit")
	String edit(Caller caller, @PathVariable String project, @PathVariable String environment,
			@ModelAttribute EnvironmentForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return Refusals.onForm(INVALID, TAKEN).submit(response, () -> {
			Environment updated = this.updateEnvironment.update(caller, project, environment, form.toInput());
			redirect.addFlashAttribute("flash", "Environment \u201c" + updated.name() + "\u201d saved.");
			return "redirect:" + ProjectPaths.environment(caller.organization().slug(), project, updated.name())
					+ "/settings";
		}, (refused) -> {
			model.addAttribute("environmentForm", form);
			model.addAttribute("errors", form.errors(refused));
			return settingsPage(caller, this.viewProjects.project(caller, project), environment, model);
		});
	}

	@PostMapping("/delete")
	String delete(Caller caller, @PathVariable String project, @PathVariable String environment,
			@ModelAttribute ConfirmationForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return Refusals.onForm(INVALID).submit(response, () -> {
			this.deleteEnvironment.delete(caller, project, environment, form.typed());
			redirect.addFlashAttribute("flash", "Environment \u201c" + environment
					+ "\u201d was deleted and the others moved up to close the gap. The audit trail keeps its history.");
			return "redirect:" + ProjectPaths.project(caller.organization().slug(), project);
		}, (refused) -> {
			model.addAttribute("deleteErrors", refused.errors());
			return settingsPage(caller, this.viewProjects.project(caller, project), environment, model);
		});
	}

	/**
	 * Moves the environment one stage earlier ({@code up}) or later ({@code down}); at
	 * either end nothing changes.
	 */
	@PostMapping("/move")
	String move(Caller caller, @PathVariable String project, @PathVariable String environment,
			@RequestParam String direction, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
		caller.require(Permission.EDIT_PROJECTS);
		int step = switch (direction) {
			case "up" -> -1;
			case "down" -> 1;
			default -> throw new ValidationException("direction", "Move an environment \"up\" or \"down\".");
		};
		Environment current = this.viewProjects.environment(caller, project, environment);
		int target = current.position() + step;
		Environment moved = (target >= 1) ? this.updateEnvironment.update(caller, project, environment,
				new EnvironmentInput(null, null, target, null, null)) : current;
		String message = (moved.position() == current.position())
				? "\u201c" + environment + "\u201d is already " + ((step < 0) ? "first." : "last.")
				: "\u201c" + environment + "\u201d moved " + direction + " to stage " + moved.position() + ".";
		if (htmx.isHtmxRequest()) {
			ProjectWithEnvironments updated = this.viewProjects.project(caller, project);
			model.addAttribute("project", updated.project());
			model.addAttribute("environments", updated.environments());
			model.addAttribute("moved", message);
			return LIST_FRAGMENT;
		}
		redirect.addFlashAttribute("flash", message);
		return "redirect:" + ProjectPaths.project(caller.organization().slug(), project);
	}

	private String settingsPage(Caller caller, ProjectWithEnvironments project, String name, Model model) {
		Environment environment = common(caller, project, name, model);
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("timeZones", TimeZones.ALL);
		ProjectPageController.putIfAbsent(model, "environmentForm", EnvironmentForm.of(environment));
		ProjectPageController.putIfAbsent(model, "errors", Map.of());
		ProjectPageController.putIfAbsent(model, "deleteErrors", Map.of());
		return "project/environment-settings";
	}

	private String environmentPage(Caller caller, ProjectWithEnvironments project, String name, Model model) {
		Environment environment = common(caller, project, name, model);
		model.addAttribute("config",
				this.viewConfig.current(caller, project.project().slug(), environment.name()).config());
		model.addAttribute("windows", this.windowStatus.of(caller, project.project().slug(), environment.name()));
		model.addAttribute("deployments", this.deploymentCard.of(caller, project.project().slug(), environment.name()));
		return "project/environment";
	}

	private Environment common(Caller caller, ProjectWithEnvironments project, String name, Model model) {
		List<Environment> environments = project.environments();
		Environment environment = environments.stream()
			.filter((e) -> e.name().equals(name))
			.findFirst()
			.orElseGet(() -> this.viewProjects.environment(caller, project.project().slug(), name));
		int index = environments.indexOf(environment);
		model.addAttribute("section", "dashboard");
		model.addAttribute("project", project.project());
		model.addAttribute("environments", environments);
		model.addAttribute("environment", environment);
		Environment previous = (index > 0) ? environments.get(index - 1) : null;
		Environment next = (index < environments.size() - 1) ? environments.get(index + 1) : null;
		model.addAttribute("previous", previous);
		model.addAttribute("next", next);
		model.addAttribute("canEdit", caller.can(Permission.EDIT_PROJECTS));
		model.addAttribute("wording", new EnvironmentText(project.project(), environments, environment, previous, next,
				caller.can(Permission.EDIT_PROJECTS)));
		model.addAttribute("canDelete", caller.can(Permission.DELETE_PROJECTS));
		return environment;
	}

}
