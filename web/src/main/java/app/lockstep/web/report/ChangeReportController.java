package app.lockstep.web.report;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.deploy.ChangeReport;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.web.shared.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The change-management report of a period: filters, summary, the deployments exceptions
 * first, each opening to its commits, config changes and approvals; printable, and the
 * same rows as CSV. With htmx the filter form replaces only the results. A bad filter
 * answers 422 with the message beside its field and the input kept.
 */
@Controller
class ChangeReportController {

	private final ChangeReport changeReport;

	private final Clock clock;

	ChangeReportController(ChangeReport changeReport, Clock clock) {
		this.changeReport = changeReport;
		this.clock = clock;
	}

	@GetMapping("/orgs/{org}/reports/changes")
	String report(Caller caller, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String tier,
			HtmxRequest htmx, Model model, HttpServletResponse response) {
		this.changeReport.requireAllowed(caller);
		String slug = caller.organization().slug();
		Map<String, String> errors = Map.of();
		ChangeReport.Report report = null;
		try {
			ChangeReport.Period period = period(caller, from, to, tier);
			report = this.changeReport.report(caller, period);
			model.addAttribute("csvUrl", link("/orgs/" + slug + "/reports/changes.csv", period));
			from = period.fromDate().toString();
			to = period.toDate().toString();
			tier = period.tierValue();
		}
		catch (ValidationException ex) {
			errors = FormErrors.of(ex);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		Map<String, @Nullable String> form = new LinkedHashMap<>();
		form.put("from", from);
		form.put("to", to);
		form.put("tier",
				(tier != null && !tier.isBlank()) ? tier.strip().toUpperCase(java.util.Locale.ROOT) : "PRODUCTION");
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("report", report);
		model.addAttribute("zone", caller.organization().timeZone().getId());
		model.addAttribute("orgSlug", slug);
		model.addAttribute("section", "audit");
		return htmx.isHtmxRequest() ? "report/fragments/results :: results" : "report/changes";
	}

	@GetMapping("/orgs/{org}/reports/changes.csv")
	void csv(Caller caller, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String tier,
			HttpServletResponse response) throws IOException {
		this.changeReport.requireAllowed(caller);
		ChangeReportCsv.write(this.changeReport, caller, period(caller, from, to, tier), response);
	}

	private ChangeReport.Period period(Caller caller, @Nullable String from, @Nullable String to,
			@Nullable String tier) {
		return ChangeReport.Period.parse(from, to, tier, caller.organization().timeZone(), this.clock.instant());
	}

	static String link(String path, ChangeReport.Period period) {
		return UriComponentsBuilder.fromPath(path)
			.queryParam("from", period.fromDate())
			.queryParam("to", period.toDate())
			.queryParam("tier", period.tierValue())
			.encode()
			.build()
			.toUriString();
	}

}
