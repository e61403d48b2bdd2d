package app.lockstep.web.report;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.List;

import app.lockstep.domain.deploy.CompareDeployments;
import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * "What changed between these two deployments": two pickers listing the environment's
 * deployments, and below them the commits between their artifacts and the config diff
 * between their revisions. Without a choice it compares the two newest. With htmx the
 * form replaces only itself and the result. A deployment of another environment (or no
 * such id) is a 404; the same deployment twice, or only one of the two, a 422 beside the
 * picker.
 */
@Controller
class CompareDeploymentsController {

	private final CompareDeployments compareDeployments;

	CompareDeploymentsController(CompareDeployments compareDeployments) {
		this.compareDeployments = compareDeployments;
	}

	@GetMapping("/orgs/{org}/projects/{project}/environments/{environment}/deployments/compare")
	String compare(Caller caller, @PathVariable String project, @PathVariable String environment,
			@RequestParam(name = "from", required = false) @Nullable String fromText,
			@RequestParam(name = "to", required = false) @Nullable String toText, HtmxRequest htmx, Model model,
			HttpServletResponse response) {
		CompareDeployments.Choices choices = this.compareDeployments.choices(caller, project, environment);
		List<ViewDeployments.Summary> deployments = choices.deployments();
		// Nothing chosen: the latest two.
		boolean latestTwo = blankToNull(fromText) == null && blankToNull(toText) == null && deployments.size() >= 2;
		String from = latestTwo ? deployments.get(1).deployment().id().toString() : blankToNull(fromText);
		String to = latestTwo ? deployments.get(0).deployment().id().toString() : blankToNull(toText);
		Refusals.Answer<CompareDeployments.@Nullable Comparison> answer = Refusals.onForm(INVALID)
			.query(response, () -> {
				if (from == null && to == null) {
					return null;
				}
				if (from == null || to == null) {
					throw new ValidationException((from == null) ? "from" : "to",
							"Pick the deployment to compare " + ((from == null) ? "from." : "with."));
				}
				return this.compareDeployments.compare(caller, project, environment, DeploymentId.parse(from),
						DeploymentId.parse(to));
			});
		model.addAttribute("project", choices.place().project());
		model.addAttribute("environment", choices.place().environment());
		model.addAttribute("deployments", deployments);
		model.addAttribute("selectedFrom", from);
		model.addAttribute("selectedTo", to);
		model.addAttribute("errors", answer.errors());
		model.addAttribute("comparison", answer.value());
		model.addAttribute("wording", new CompareText(choices.place(), deployments, answer.value()));
		model.addAttribute("section", "dashboard");
		return htmx.isHtmxRequest() ? "deploy/fragments/compare-result :: compare" : "deploy/compare";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
