package app.lockstep.web.report;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.deploy.ChangeReport;
import app.lockstep.domain.access.Caller;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * The change-management report of a period: filters, summary, the deployments exceptions
 * first, each opening to its commits, config changes and approvals; printable, and the
 * same rows as CSV. With htmx the filter form replaces only the results. A bad filter
 * answers 422 with the message beside its field and the input kept.
 */
@Controller
class ChangeReportController {

	/**
	 * Deployments shown at first: the whole report of a busy month was a 1.8 MB page that
	 * took most of its time to render (README "Pages at scale: measured"); the summary
	 * still counts every one, and the CSV holds them all.
	 */
	static final int ROWS_PER_PAGE = 50;

	private final ChangeReport changeReport;

	private final Clock clock;

	ChangeReportController(ChangeReport changeReport, Clock clock) {
		this.changeReport = changeReport;
		this.clock = clock;
	}

	@GetMapping("/orgs/{org}/reports/changes")
	String report(Caller caller, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String tier,
			@RequestParam(required = false) @Nullable String shown, HtmxRequest htmx, Model model,
			HttpServletResponse response) {
		this.changeReport.requireAllowed(caller);
		String slug = caller.organization().slug();
		Refusals.Answer<Reported> answer = Refusals.onForm(INVALID).query(response, () -> {
			ChangeReport.Period period = period(caller, from, to, tier);
			return new Reported(period, this.changeReport.report(caller, period, rowsShown(shown, Integer.MAX_VALUE)));
		});
		Reported reported = answer.value();
		Map<String, @Nullable String> form = new LinkedHashMap<>();
		if (reported != null) {
			ChangeReport.Period period = reported.period();
			model.addAttribute("csvUrl", link("/orgs/" + slug + "/reports/changes.csv", period));
			List<ChangeReport.Entry> entries = reported.report().entries();
			int rows = reported.report().detailed();
			model.addAttribute("shownEntries", reported.report().detailedEntries());
			if (rows < entries.size()) {
				String page = "/orgs/" + slug + "/reports/changes";
				model.addAttribute("moreUrl",
						link(page, period, String.valueOf(Math.min(entries.size(), rows + ROWS_PER_PAGE))));
				model.addAttribute("allUrl", link(page, period, "all"));
				model.addAttribute("nextRows", Math.min(ROWS_PER_PAGE, entries.size() - rows));
			}
			form.put("from", period.fromDate().toString());
			form.put("to", period.toDate().toString());
			form.put("tier", tierShown(period.tierValue()));
		}
		else {
			form.put("from", from);
			form.put("to", to);
			form.put("tier", tierShown(tier));
		}
		model.addAttribute("form", form);
		model.addAttribute("errors", answer.errors());
		model.addAttribute("report", (reported != null) ? reported.report() : null);
		model.addAttribute("zone", caller.organization().timeZone().getId());
		model.addAttribute("wording", new ReportText(caller.organization().timeZone()));
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

	/** The period a report was asked for, as the form shows it. */
	private record Reported(ChangeReport.Period period, ChangeReport.Report report) {
	}

	private static String tierShown(@Nullable String tier) {
		return (tier != null && !tier.isBlank()) ? tier.strip().toUpperCase(java.util.Locale.ROOT) : "PRODUCTION";
	}

	private ChangeReport.Period period(Caller caller, @Nullable String from, @Nullable String to,
			@Nullable String tier) {
		return ChangeReport.Period.parse(from, to, tier, caller.organization().timeZone(), this.clock.instant());
	}

	static String link(String path, ChangeReport.Period period) {
		return link(path, period, null);
	}

	private static String link(String path, ChangeReport.Period period, @Nullable String shown) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path)
			.queryParam("from", period.fromDate())
			.queryParam("to", period.toDate())
			.queryParam("tier", period.tierValue());
		if (shown != null) {
			link.queryParam("shown", shown);
		}
		return link.encode().build().toUriString();
	}

	/**
	 * How many deployments the page shows: the first {@value #ROWS_PER_PAGE} (exceptions
	 * come first), more when asked, every one with {@code shown=all} (to print). Anything
	 * else is the first page: a count in a link is not worth a refusal.
	 */
	static int rowsShown(@Nullable String shown, int total) {
		if ("all".equals(shown)) {
			return total;
		}
		int asked = ROWS_PER_PAGE;
		if (shown != null && shown.matches("[1-9][0-9]{0,5}")) {
			asked = Integer.parseInt(shown);
		}
		return Math.min(total, Math.max(ROWS_PER_PAGE, asked));
	}

}
