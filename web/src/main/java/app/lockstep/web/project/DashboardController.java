package app.lockstep.web.project;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import app.lockstep.domain.config.CompareEnvironments;
import app.lockstep.domain.deploy.ReviewEmergency;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.tenancy.Caller;
import app.lockstep.web.tenancy.LastOrganization;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The organization's dashboard: projects as rows, their environments in promotion order
 * as columns, each cell with what is live there (artifact version and config revision),
 * and a warning when emergency deployments have waited more than 48 hours for review.
 */
@Controller
class DashboardController {

	private final ViewProjects viewProjects;

	private final LastOrganization lastOrganization;

	private final CompareEnvironments compareEnvironments;

	private final ViewDeployments viewDeployments;

	private final Clock clock;

	DashboardController(ViewProjects viewProjects, LastOrganization lastOrganization,
			CompareEnvironments compareEnvironments, ViewDeployments viewDeployments, Clock clock) {
		this.viewProjects = viewProjects;
		this.lastOrganization = lastOrganization;
		this.compareEnvironments = compareEnvironments;
		this.viewDeployments = viewDeployments;
		this.clock = clock;
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
		model.addAttribute("live", this.viewDeployments.liveByEnvironment(caller, projects));
		model.addAttribute("overdueReviews", overdueReviews(caller));
		model.addAttribute("section", "dashboard");
		return "project/dashboard";
	}

	/**
	 * Emergency deployments unreviewed for longer than
	 * {@link ReviewEmergency#FLAG_AFTER}.
	 */
	private long overdueReviews(Caller caller) {
		Instant flagged = this.clock.instant().minus(ReviewEmergency.FLAG_AFTER);
		return this.viewDeployments.reviewQueue(caller)
			.stream()
			.filter((summary) -> summary.deployment().requestedAt().isBefore(flagged))
			.count();
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
