package app.lockstep.web.config;

import java.util.List;
import java.util.Map;

import app.lockstep.domain.config.BringAcross;
import app.lockstep.domain.config.CompareEnvironments;
import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.Drift;
import app.lockstep.domain.config.InvalidConfigException;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.web.shared.FormErrors;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * Drift between two environments of a project, and bringing selected differences across.
 */
@Controller
class CompareController {

	private final ViewProjects viewProjects;

	private final CompareEnvironments compare;

	private final BringAcross bringAcross;

	CompareController(ViewProjects viewProjects, CompareEnvironments compare, BringAcross bringAcross) {
		this.viewProjects = viewProjects;
		this.compare = compare;
		this.bringAcross = bringAcross;
	}

	@GetMapping("/orgs/{org}/projects/{project}/compare")
	String compare(Caller caller, @PathVariable String project, @RequestParam(required = false) @Nullable String left,
			@RequestParam(required = false) @Nullable String right, Model model) {
		return page(caller, project, left, right, Map.of(), model);
	}

	@PostMapping("/orgs/{org}/projects/{project}/compare/bring-across")
	String bring(Caller caller, @PathVariable String org, @PathVariable String project, @RequestParam String source,
			@RequestParam String target, @RequestParam(required = false) @Nullable List<String> selected,
			@RequestParam(required = false) @Nullable String message, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return Refusals.onForm(INVALID).submit(response, () -> {
			ConfigRevision revision = this.bringAcross.apply(caller, project, source, target,
					(selected != null) ? selected : List.of(), message);
			redirect.addFlashAttribute("flash", "Saved revision " + revision.number() + " of " + target + ": "
					+ revision.summary() + "." + ConfigPageController.warned(revision));
			// What was brought across, line by line, is the first thing to look at.
			return "redirect:"
					+ ((revision.number() > 1)
							? ConfigPageController.path(org, project, target, "/diff") + "?from="
									+ (revision.number() - 1) + "&to=" + revision.number()
							: ConfigPageController.path(org, project, target, ""));
		}, (refused) -> page(caller, project, target, source,
				(refused.cause() instanceof InvalidConfigException) ? Map.of(FormErrors.GLOBAL,
						"Bringing these across would make " + target + "'s config invalid: " + refused.message())
						: refused.globalError(),
				model));
	}

	private String page(Caller caller, String projectSlug, @Nullable String left, @Nullable String right,
			Map<String, String> errors, Model model) {
		ProjectWithEnvironments project = this.viewProjects.project(caller, projectSlug);
		List<Environment> environments = project.environments();
		String leftName = (left != null) ? left
				: (environments.size() > 1 ? environments.get(environments.size() - 2).name() : null);
		String rightName = (right != null) ? right
				: environments.stream()
					.map(Environment::name)
					.filter((n) -> !n.equals(leftName))
					.reduce((a, b) -> b)
					.orElse(null);
		model.addAttribute("project", project.project());
		model.addAttribute("environments", environments);
		model.addAttribute("left", leftName);
		model.addAttribute("right", rightName);
		model.addAttribute("errors", errors);
		model.addAttribute("canEdit", caller.can(Permission.EDIT_CONFIG));
		model.addAttribute("section", "dashboard");
		if (leftName != null && rightName != null && !leftName.equals(rightName)) {
			CompareEnvironments.Comparison comparison = this.compare.compare(caller, projectSlug, leftName, rightName);
			model.addAttribute("comparison", comparison);
			model.addAttribute("headline", Drift.headline(comparison.items()));
			model.addAttribute("wording",
					new CompareEnvironmentsText(leftName, rightName, comparison, Drift.headline(comparison.items())));
		}
		else {
			model.addAttribute("comparison", null);
			model.addAttribute("headline", "");
			model.addAttribute("wording", new CompareEnvironmentsText(leftName, rightName, null, ""));
		}
		return "config/compare";
	}

}
