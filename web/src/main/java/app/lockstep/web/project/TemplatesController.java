package app.lockstep.web.project;

import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.template.ManageTemplates;
import app.lockstep.domain.template.ProjectTemplate;
import app.lockstep.web.shared.Refusals;
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
 * The organization's project templates: the list with what each holds, saving a project
 * as a template (members who manage policies) and deleting one. New projects pick one on
 * the new-project form.
 */
@Controller
@RequestMapping("/orgs/{org}/templates")
class TemplatesController {

	private final ManageTemplates templates;

	private final ViewProjects viewProjects;

	TemplatesController(ManageTemplates templates, ViewProjects viewProjects) {
		this.templates = templates;
		this.viewProjects = viewProjects;
	}

	/** The save form as typed. */
	record SaveForm(String project, String name, String slug) {
	}

	@GetMapping
	String page(Caller caller, Model model) {
		return page(caller, new SaveForm("", "", ""), Map.of(), model);
	}

	@PostMapping
	String save(Caller caller, @RequestParam(defaultValue = "") String project,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		caller.require(Permission.MANAGE_POLICIES);
		SaveForm form = new SaveForm(project, name, slug);
		return Refusals.onForm(INVALID).submit(response, () -> {
			ProjectTemplate saved = this.templates.saveFromProject(caller, project, slug, name);
			redirect.addFlashAttribute("flash", "Template \u201c" + saved.name() + "\u201d saved from " + project + ": "
					+ saved.environments().size() + " environments. New projects can start from it.");
			return "redirect:/orgs/" + caller.organization().slug() + "/templates";
		}, (refused) -> page(caller, form, refused.errors(), model));
	}

	@PostMapping("/{slug}/delete")
	String delete(Caller caller, @PathVariable String slug, RedirectAttributes redirect) {
		this.templates.delete(caller, slug);
		redirect.addFlashAttribute("flash",
				"Template \u201c" + slug + "\u201d deleted. Projects created from it keep everything it gave them.");
		return "redirect:/orgs/" + caller.organization().slug() + "/templates";
	}

	private String page(Caller caller, SaveForm form, Map<String, String> errors, Model model) {
		model.addAttribute("section", "dashboard");
		model.addAttribute("templates", this.templates.list(caller).stream().map(TemplateRow::of).toList());
		model.addAttribute("projects", this.viewProjects.all(caller).stream().map((p) -> p.project()).toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("canManage", caller.can(Permission.MANAGE_POLICIES));
		return "project/templates";
	}

	/** A template as its list row says it. */
	record TemplateRow(String slug, String name, String environments, String sharedVariables, String updated) {

		static TemplateRow of(ProjectTemplate template) {
			String environments = String.join(" → ",
					template.environments()
						.stream()
						.map((e) -> e.name() + " (" + e.tier().name().toLowerCase(java.util.Locale.ROOT)
								+ ((e.gate() != null) ? ", " + e.gate().requiredApprovals() + " approvals" : "")
								+ ((e.windows() != null) ? ", own windows" : "") + ")")
						.toList());
			String variables = template.sharedVariables().isEmpty() ? "none"
					: String.join(", ", template.sharedVariables());
			return new TemplateRow(template.slug(), template.name(), environments, variables,
					"by " + template.updatedBy());
		}

	}

}
