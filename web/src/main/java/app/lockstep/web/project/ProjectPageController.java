package app.lockstep.web.project;

import java.util.List;
import java.util.Map;

import app.lockstep.domain.config.CompareEnvironments;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.template.CreateProjectFromTemplate;
import app.lockstep.domain.template.ManageTemplates;
import app.lockstep.domain.template.TemplateDrift;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.DeleteProject;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.project.UpdateProject;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.web.tenancy.TimeZones;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

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
 * The new-project form and the project page: details, environments in promotion order,
 * the add-environment form, the edit form and the danger zone. Every form posts, then
 * redirects with a flash message; a refused form comes back with its errors beside the
 * fields, the input kept and status 422.
 */
@Controller
@RequestMapping("/orgs/{org}/projects")
class ProjectPageController {

	private final CompareEnvironments compareEnvironments;

	private final ViewProjects viewProjects;

	private final CreateProject createProject;

	private final UpdateProject updateProject;

	private final DeleteProject deleteProject;

	private final CreateEnvironment createEnvironment;

	private final ManageTemplates templates;

	private final CreateProjectFromTemplate createFromTemplate;

	private final TemplateDrift templateDrift;

	ProjectPageController(ViewProjects viewProjects, CreateProject createProject, UpdateProject updateProject,
			DeleteProject deleteProject, CreateEnvironment createEnvironment, CompareEnvironments compareEnvironments,
			ManageTemplates templates, CreateProjectFromTemplate createFromTemplate, TemplateDrift templateDrift) {
		this.templates = templates;
		this.createFromTemplate = createFromTemplate;
		this.templateDrift = templateDrift;
		this.compareEnvironments = compareEnvironments;
		this.viewProjects = viewProjects;
		this.createProject = createProject;
		this.updateProject = updateProject;
		this.deleteProject = deleteProject;
		this.createEnvironment = createEnvironment;
	}

	@GetMapping("/new")
	String newProject(Caller caller, Model model) {
		caller.require(Permission.EDIT_PROJECTS);
		return newProjectPage(caller, ProjectForm.empty(), "", Map.of(), model);
	}

	@PostMapping
	String create(Caller caller, @ModelAttribute ProjectForm form,
			@RequestParam(required = false) @Nullable String template, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		String chosen = (template != null) ? template.strip() : "";
		return Refusals.onForm(INVALID, TAKEN).submit(response, () -> {
			Project project = chosen.isEmpty() ? this.createProject.create(caller, form.toInput())
					: this.createFromTemplate.create(caller, form.toInput(), chosen);
			redirect.addFlashAttribute("flash", chosen.isEmpty()
					? "Project \u201c" + project.name()
							+ "\u201d created. Add its environments in promotion order, starting with development."
					: "Project \u201c" + project.name() + "\u201d created from its template, with its environments,"
							+ " gates, windows and config skeleton.");
			return "redirect:" + ProjectPaths.project(caller.organization().slug(), project.slug());
		}, (refused) -> newProjectPage(caller, form, chosen, refused.errors(), model));
	}

	@PostMapping("/{project}/template/apply")
	String bringInLine(Caller caller, @PathVariable String project, RedirectAttributes redirect) {
		TemplateDrift.View after = this.templateDrift.bringInLine(caller, project);
		redirect.addFlashAttribute("flash",
				"Brought in line with template \u201c" + java.util.Objects.requireNonNull(after.template()).name()
						+ "\u201d"
						+ (after.differences().isEmpty() ? "." : "; what is left needs a person (listed below)."));
		return "redirect:" + ProjectPaths.project(caller.organization().slug(), project);
	}

	private String newProjectPage(Caller caller, ProjectForm form, String template, Map<String, String> errors,
			Model model) {
		model.addAttribute("templates", this.templates.list(caller));
		model.addAttribute("template", template);
		model.addAttribute("section", "dashboard");
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "project/new-project";
	}

	@GetMapping("/{project}")
	String project(Caller caller, @PathVariable String project, Model model) {
		return projectPage(caller, this.viewProjects.project(caller, project), model);
	}

	@PostMapping("/{project}/edit")
	String edit(Caller caller, @PathVariable String project, @ModelAttribute ProjectForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return Refusals.onForm(INVALID, TAKEN).submit(response, () -> {
			Project updated = this.updateProject.update(caller, project, form.toInput());
			redirect.addFlashAttribute("flash", "Project \u201c" + updated.name() + "\u201d saved.");
			return "redirect:" + ProjectPaths.project(caller.organization().slug(), updated.slug());
		}, (refused) -> {
			model.addAttribute("projectForm", form);
			model.addAttribute("projectErrors", refused.errors());
			return projectPage(caller, this.viewProjects.project(caller, project), model);
		});
	}

	@PostMapping("/{project}/delete")
	String delete(Caller caller, @PathVariable String project, @ModelAttribute ConfirmationForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return Refusals.onForm(INVALID).submit(response, () -> {
			this.deleteProject.delete(caller, project, form.typed());
			redirect.addFlashAttribute("flash", "Project \u201c" + project
					+ "\u201d and its environments were deleted. The audit trail keeps their history.");
			return "redirect:" + ProjectPaths.dashboard(caller.organization().slug());
		}, (refused) -> {
			model.addAttribute("deleteErrors", refused.errors());
			return projectPage(caller, this.viewProjects.project(caller, project), model);
		});
	}

	@PostMapping("/{project}/environments")
	String addEnvironment(Caller caller, @PathVariable String project, @ModelAttribute EnvironmentForm form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return Refusals.onForm(INVALID, TAKEN).submit(response, () -> {
			Environment environment = this.createEnvironment.create(caller, project, form.toInput());
			redirect.addFlashAttribute("flash", "Environment \u201c" + environment.name() + "\u201d added at stage "
					+ environment.position() + " of the promotion order.");
			return "redirect:" + ProjectPaths.project(caller.organization().slug(), project);
		}, (refused) -> {
			model.addAttribute("environmentForm", form);
			model.addAttribute("environmentErrors", form.errors(refused));
			return projectPage(caller, this.viewProjects.project(caller, project), model);
		});
	}

	private String projectPage(Caller caller, ProjectWithEnvironments project, Model model) {
		model.addAttribute("section", "dashboard");
		model.addAttribute("project", project.project());
		model.addAttribute("environments", project.environments());
		model.addAttribute("drift", this.compareEnvironments.overview(caller, List.of(project))
			.getOrDefault(project.project().slug(), List.of()));
		model.addAttribute("templateDrift", this.templateDrift.view(caller, project.project().slug()));
		model.addAttribute("canManagePolicies", caller.can(Permission.MANAGE_POLICIES));
		model.addAttribute("canEdit", caller.can(Permission.EDIT_PROJECTS));
		model.addAttribute("canDelete", caller.can(Permission.DELETE_PROJECTS));
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("timeZones", TimeZones.ALL);
		model.addAttribute("wording",
				new ProjectText(project.project(), project.environments().size(), caller.organization().timeZone()));
		putIfAbsent(model, "projectForm", ProjectForm.of(project.project()));
		putIfAbsent(model, "environmentForm", EnvironmentForm.adding(caller.organization().timeZone().getId()));
		putIfAbsent(model, "projectErrors", Map.of());
		putIfAbsent(model, "environmentErrors", Map.of());
		putIfAbsent(model, "deleteErrors", Map.of());
		return "project/project";
	}

	static void putIfAbsent(Model model, String name, Object value) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, value);
		}
	}

}
