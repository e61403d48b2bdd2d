package app.lockstep.web.project;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import app.lockstep.domain.config.CompareEnvironments;
import app.lockstep.domain.deploy.ReviewEmergency;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.window.ViewDeploymentWindows;
import app.lockstep.web.tenancy.LastOrganization;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization's dashboard, a release board: projects as rows, their environments in
 * promotion order as columns, each cell with what is live there (artifact version and
 * config revision), what is in flight, queued or failed, the window now, and a link to
 * promote the previous stage's live artifact through the normal request form; and a
 * warning when emergency deployments have waited more than 48 hours for review.
 */
@Controller
class DashboardController {

	private final ViewProjects viewProjects;

	private final LastOrganization lastOrganization;

	private final CompareEnvironments compareEnvironments;

	private final ViewDeployments viewDeployments;

	private final Clock clock;

	private final ViewDeploymentWindows viewWindows;

	DashboardController(ViewProjects viewProjects, LastOrganization lastOrganization,
			CompareEnvironments compareEnvironments, ViewDeployments viewDeployments, Clock clock,
			ViewDeploymentWindows viewWindows) {
		this.viewWindows = viewWindows;
		this.viewProjects = viewProjects;
		this.lastOrganization = lastOrganization;
		this.compareEnvironments = compareEnvironments;
		this.viewDeployments = viewDeployments;
		this.clock = clock;
	}

	@GetMapping("/orgs/{org}")
	String dashboard(Caller caller, @RequestParam(required = false) @Nullable String after, Model model) {
		this.lastOrganization.remember(caller.userId(), caller.orgId());
		grid(caller, model, after, null, after);
		model.addAttribute("overdueReviews", overdueReviews(caller));
		model.addAttribute("section", "dashboard");
		return "project/dashboard";
	}

	/**
	 * The grid as it is now, for the dashboard to poll (htmx): 204 while what it shows
	 * (projects, environments, live versions, drift) is as {@code shown}, else the grid.
	 * The rows are those shown: from after {@code after} up to {@code upto}. Without
	 * htmx, the dashboard.
	 */
	@GetMapping("/orgs/{org}/dashboard/grid")
	String liveGrid(Caller caller, @RequestParam(required = false) @Nullable String shown,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String upto, HtmxRequest htmx, HttpServletResponse response,
			Model model) {
		if (!htmx.isHtmxRequest()) {
			return "redirect:/orgs/" + caller.organization().slug();
		}
		String token = grid(caller, model, after, upto, after);
		if (token.equals(shown)) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return "project/fragments/environment-grid :: nothing";
		}
		return "project/fragments/environment-grid :: grid";
	}

	/**
	 * The next page of rows, appended to the board (htmx), with the "show more" line and
	 * the poll (now covering every row shown) replaced out of band. Without htmx, the
	 * dashboard from there.
	 */
	@GetMapping("/orgs/{org}/dashboard/more")
	String moreRows(Caller caller, @RequestParam String after, @RequestParam(required = false) @Nullable String first,
			HtmxRequest htmx, Model model) {
		if (!htmx.isHtmxRequest()) {
			return "redirect:/orgs/" + caller.organization().slug() + "?after=" + after;
		}
		grid(caller, model, after, null, first);
		model.addAttribute("pollAfter", first);
		return "project/fragments/environment-grid :: more-rows";
	}

	/**
	 * Puts what the grid reads in the model for the rows after {@code after} up to
	 * {@code upto} (or a page); answers the token of what it shows.
	 */
	private String grid(Caller caller, Model model, @Nullable String after, @Nullable String upto,
			@Nullable String first) {
		var all = this.viewProjects.all(caller);
		BoardRows rows = BoardRows.of(all, after, upto, first);
		var projects = rows.shown();
		model.addAttribute("rows", rows);
		model.addAttribute("projects", projects);
		model.addAttribute("pollAfter", rows.after());
		int columns = all.stream().mapToInt((p) -> p.environments().size()).max().orElse(0);
		model.addAttribute("columns", columns);
		List<String> headings = headings(all, columns);
		model.addAttribute("headings", headings);
		var drift = this.compareEnvironments.overview(caller, projects);
		model.addAttribute("drift", drift);
		var live = this.viewDeployments.liveByEnvironment(caller, projects);
		model.addAttribute("live", live);
		var activity = this.viewDeployments.activityByEnvironment(caller, projects);
		model.addAttribute("activity", activity);
		var windows = this.viewWindows.now(caller, projects);
		model.addAttribute("windows", windows);
		model.addAttribute("canRequest", caller.can(Permission.REQUEST_DEPLOYMENTS));
		model.addAttribute("wording", new BoardText());
		StringBuilder shown = new StringBuilder();
		projects.forEach((p) -> shown.append(p.project().slug())
			.append(p.environments().stream().map((e) -> e.id() + "/" + e.name()).toList()));
		live.forEach((environment,
				summary) -> shown.append(environment).append('=').append(summary.deployment().id()).append(';'));
		activity.forEach((environment, now) -> {
			shown.append(environment).append(':');
			now.unfinished().forEach((d) -> shown.append(d.deployment().id()).append(d.status()).append(','));
			if (now.lastRun() != null) {
				shown.append(now.lastRun().deployment().id()).append(now.lastRun().status());
			}
			shown.append(';');
		});
		shown.append(windows).append(drift).append(headings);
		String token = Integer.toHexString(shown.toString().hashCode());
		model.addAttribute("gridToken", token);
		return token;
	}

	/**
	 * Emergency deployments unreviewed for longer than
	 * {@link ReviewEmergency#FLAG_AFTER}.
	 */
	private long overdueReviews(Caller caller) {
		return this.viewDeployments.unreviewedBefore(caller, this.clock.instant().minus(ReviewEmergency.FLAG_AFTER));
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
