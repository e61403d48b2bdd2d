package app.lockstep.web.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import app.lockstep.domain.config.CompareEnvironments;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.tenancy.Caller;
import app.lockstep.web.tenancy.LastOrganization;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The organization's dashboard: projects as rows, their environments in promotion order
 * as columns.
 */
@Controller
class DashboardController {

	private final ViewProjects viewProjects;

	private final LastOrganization lastOrganization;

	private final CompareEnvironments compareEnvironments;

	DashboardController(ViewProjects viewProjects, LastOrganization lastOrganization,
			CompareEnvironments compareEnvironments) {
		this.viewProjects = viewProjects;
		this.lastOrganization = lastOrganization;
		this.compareEnvironments = compareEnvironments;
	}

	@GetMapping("/orgs/{org}")
	String dashboard(Caller caller, Model model) {
		this.lastOrganization.remember(caller.userId(), caller.orgId());
		var projects = this.viewProjects.all(caller);
		model.addAttribute("projects", projects);
		int columns = projects.stream().mapToInt((p) -> p.environments().size()).max().orElse(0);
		model.addAttribute("columns", columns);
		model.addAttribute("headings", headings(projects, columns));
		model.addAttribute("drift", this.compareEnvironments.overview(caller, projects));
		model.addAttribute("section", "dashboard");
		return "project/dashboard";
	}

	/**
	 * A column is named after its environments when every project calls it the same, else
	 * by its place.
	 */
	static List<String> headings(List<ProjectWithEnvironments> projects, int columns) {
		List<String> headings = new ArrayList<>();
		for (int i = 0; i < columns; i++) {
			int index = i;
			Set<String> names = projects.stream()
				.filter((p) -> p.environments().size() > index)
				.map((p) -> p.environments().get(index).name())
				.collect(Collectors.toSet());
			headings.add((names.size() == 1) ? names.iterator().next() : "Stage " + (i + 1));
		}
		return headings;
	}

}
