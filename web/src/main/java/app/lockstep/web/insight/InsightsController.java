package app.lockstep.web.insight;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Scope;
import app.lockstep.domain.insight.DoraDeployment;
import app.lockstep.domain.insight.DoraFigures;
import app.lockstep.domain.insight.DoraMetrics;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.web.shared.Download;
import app.lockstep.web.shared.Refusals;
import app.lockstep.web.shared.RequiresScope;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * The DORA metrics of a period for the organization's production, a project's, or one
 * environment: a page with the four figures against the previous period, a chart and the
 * deployments measured; the same as CSV; and as JSON for automation.
 */
@Controller
class InsightsController {

	private final DoraMetrics metrics;

	private final ViewProjects viewProjects;

	InsightsController(DoraMetrics metrics, ViewProjects viewProjects) {
		this.metrics = metrics;
		this.viewProjects = viewProjects;
	}

	/** The filter as typed. */
	record Filter(String project, String environment, String from, String to) {

		@Nullable String projectOrNull() {
			return this.project.isBlank() ? null : this.project.strip();
		}

		@Nullable String environmentOrNull() {
			return this.environment.isBlank() ? null : this.environment.strip();
		}

	}

	@GetMapping("/orgs/{org}/insights")
	String page(Caller caller, @RequestParam(defaultValue = "") String project,
			@RequestParam(defaultValue = "") String environment, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Model model, HttpServletResponse response) {
		Filter filter = new Filter(project, environment, from, to);
		model.addAttribute("section", "insights");
		model.addAttribute("filter", filter);
		model.addAttribute("projects", this.viewProjects.all(caller));
		return Refusals.onForm(INVALID).submit(response, () -> {
			DoraMetrics.Report report = report(caller, filter);
			model.addAttribute("dora", DoraView.of(report));
			model.addAttribute("errors", Map.of());
			model.addAttribute("from", report.period().from().toString());
			model.addAttribute("to", report.period().to().toString());
			return "insight/dora";
		}, (refused) -> {
			model.addAttribute("dora", null);
			model.addAttribute("errors", refused.errors());
			model.addAttribute("from", from);
			model.addAttribute("to", to);
			return "insight/dora";
		});
	}

	@GetMapping("/orgs/{org}/insights.csv")
	void csv(Caller caller, @RequestParam(defaultValue = "") String project,
			@RequestParam(defaultValue = "") String environment, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, HttpServletResponse response) throws IOException {
		DoraMetrics.Report report = report(caller, new Filter(project, environment, from, to));
		Writer out = Download.start(response, "text/csv",
				"dora-" + report.period().from() + "-" + report.period().to() + ".csv");
		out.write("finished_at,project,environment,version,succeeded,change_failure,reason,commits,"
				+ "lead_time_minutes,time_to_restore_minutes\r\n");
		for (DoraDeployment d : report.deployments()) {
			out.write(String.join(",", d.finishedAt().toString(), Download.csvCell(d.project()),
					Download.csvCell(d.environment()), Download.csvCell(d.version()), String.valueOf(d.succeeded()),
					String.valueOf(d.changeFailure()), Download.csvCell(d.failureReason()), String.valueOf(d.commits()),
					minutes(d.leadTime()), minutes(d.timeToRestore())));
			out.write("\r\n");
		}
		out.flush();
	}

	@GetMapping("/api/v1/orgs/{org}/dora")
	@RequiresScope(Scope.CONFIG_READ)
	@ResponseBody
	Map<String, Object> api(Caller caller, @RequestParam(defaultValue = "") String project,
			@RequestParam(defaultValue = "") String environment, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to) {
		DoraMetrics.Report report = report(caller, new Filter(project, environment, from, to));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("scope", report.scope());
		json.put("from", report.period().from().toString());
		json.put("to", report.period().to().toString());
		json.put("current", figures(report.current()));
		json.put("previous", figures(report.previous()));
		json.put("deployments", report.deployments().size());
		return json;
	}

	private DoraMetrics.Report report(Caller caller, Filter filter) {
		return this.metrics.report(caller, filter.projectOrNull(), filter.environmentOrNull(),
				date("from", filter.from()), date("to", filter.to()));
	}

	private static Map<String, @Nullable Object> figures(DoraFigures figures) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("deployments", figures.deployments());
		json.put("deploymentsPerDay", figures.perDay());
		json.put("leadTimeMinutes", (figures.leadTime() != null) ? figures.leadTime().toMinutes() : null);
		json.put("finished", figures.finished());
		json.put("changeFailures", figures.failures());
		json.put("changeFailureRate", figures.changeFailureRate());
		json.put("timeToRestoreMinutes",
				(figures.timeToRestore() != null) ? figures.timeToRestore().toMinutes() : null);
		return json;
	}

	private static @Nullable LocalDate date(String field, String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new ValidationException(field, "Give the date as YYYY-MM-DD, such as 2026-12-01.");
		}
	}

	private static String minutes(@Nullable Duration duration) {
		return (duration != null) ? String.valueOf(duration.toMinutes()) : "";
	}

}
