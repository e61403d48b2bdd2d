package app.lockstep.web.timeline;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import app.lockstep.domain.shared.Instants;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.timeline.EnvironmentTimeline;
import app.lockstep.domain.timeline.TimelineCursor;
import app.lockstep.domain.timeline.TimelineEntry;
import app.lockstep.domain.timeline.TimelineKind;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * An environment's timeline, newest first, 50 entries a page. The kinds shown are plain
 * GET parameters ({@code ?kind=code&kind=config}; all when none), and "Load older" is a
 * link carrying the keyset cursor ({@code before}, the time of the last entry shown, and
 * where each source stopped: {@code seq}, {@code fseq}, {@code sha}). With htmx, the kind
 * pills replace the results and "Load older" appends the next entries in place; without
 * it, both are plain links.
 */
@Controller
class TimelineController {

	static final String PATH = "/orgs/{org}/projects/{project}/environments/{environment}/timeline";

	private final EnvironmentTimeline timeline;

	TimelineController(EnvironmentTimeline timeline) {
		this.timeline = timeline;
	}

	@GetMapping(PATH)
	String timeline(Caller caller, @PathVariable String project, @PathVariable String environment,
			@RequestParam(name = "kind", required = false) @Nullable List<String> kind,
			@RequestParam(required = false) @Nullable String before, @RequestParam(required = false) @Nullable Long seq,
			@RequestParam(required = false) @Nullable Long fseq, @RequestParam(required = false) @Nullable String sha,
			HtmxRequest htmx, Model model) {
		Set<TimelineKind> kinds = kinds(kind);
		TimelineCursor cursor = new TimelineCursor(instant(before), seq, fseq, blankToNull(sha));
		EnvironmentTimeline.Page page = this.timeline.read(caller, project, environment, kinds, cursor,
				EnvironmentTimeline.PAGE_SIZE);
		String org = caller.organization().slug();
		String environmentPath = UriComponentsBuilder
			.fromPath("/orgs/{org}/projects/{project}/environments/{environment}")
			.buildAndExpand(org, page.project().slug(), page.environment().name())
			.encode()
			.toUriString();
		String path = environmentPath + "/timeline";
		ZoneId zone = page.environment().timeZone();
		String previousDay = (cursor.before() != null) ? TimelineRow.DAY.format(cursor.before().atZone(zone)) : null;
		List<TimelineRow> rows = new ArrayList<>();
		for (TimelineEntry entry : page.entries()) {
			TimelineRow row = TimelineRow.of(entry, zone, environmentPath, previousDay);
			previousDay = TimelineRow.DAY.format(entry.at().atZone(zone));
			rows.add(row);
		}
		boolean all = page.kinds().size() == TimelineKind.values().length;
		List<KindPill> pills = new ArrayList<>();
		pills.add(new KindPill("all", "All", all, link(path, EnumSet.allOf(TimelineKind.class), null)));
		for (TimelineKind k : TimelineKind.values()) {
			boolean only = !all && page.kinds().size() == 1 && page.kinds().contains(k);
			pills.add(new KindPill(k.value(), k.label(), !all && page.kinds().contains(k),
					link(path, only ? EnumSet.allOf(TimelineKind.class) : toggled(all, page.kinds(), k), null)));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("pills", pills);
		model.addAttribute("allKinds", all);
		model.addAttribute("nextUrl", (page.next() != null) ? link(path, page.kinds(), page.next()) : null);
		model.addAttribute("firstPage", cursor.isFirst());
		model.addAttribute("timelinePath", path);
		model.addAttribute("environmentPath", environmentPath);
		model.addAttribute("project", page.project());
		model.addAttribute("environment", page.environment());
		model.addAttribute("freezesApply", page.freezesApply());
		model.addAttribute("wording", new TimelineText(page.project(), page.environment(), cursor.isFirst(), all));
		model.addAttribute("section", "dashboard");
		if (htmx.isHtmxRequest() && !cursor.isFirst()) {
			return "timeline/fragments/entries :: entries";
		}
		if (htmx.isHtmxRequest()) {
			return "timeline/fragments/results :: results";
		}
		return "timeline/timeline";
	}

	/** A kind filter: its label, whether it is on, and the address that toggles it. */
	record KindPill(String value, String label, boolean active, String href) {
	}

	/**
	 * From "all", a pill shows only its kind; else it adds or removes its kind (removing
	 * the last one shows all again).
	 */
	private static Set<TimelineKind> toggled(boolean all, Set<TimelineKind> kinds, TimelineKind kind) {
		if (all) {
			return EnumSet.of(kind);
		}
		EnumSet<TimelineKind> result = EnumSet.copyOf(kinds);
		if (!result.remove(kind)) {
			result.add(kind);
		}
		return result.isEmpty() ? EnumSet.allOf(TimelineKind.class) : result;
	}

	static String link(String path, Set<TimelineKind> kinds, @Nullable TimelineCursor cursor) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		if (kinds.size() < TimelineKind.values().length) {
			for (TimelineKind kind : TimelineKind.values()) {
				if (kinds.contains(kind)) {
					link.queryParam("kind", kind.value());
				}
			}
		}
		if (cursor != null) {
			if (cursor.before() != null) {
				link.queryParam("before", cursor.before().toString());
			}
			if (cursor.auditSeq() != null) {
				link.queryParam("seq", cursor.auditSeq());
			}
			if (cursor.freezeSeq() != null) {
				link.queryParam("fseq", cursor.freezeSeq());
			}
			if (cursor.codeSha() != null) {
				link.queryParam("sha", cursor.codeSha());
			}
		}
		return link.encode().toUriString();
	}

	private static Set<TimelineKind> kinds(@Nullable List<String> values) {
		EnumSet<TimelineKind> kinds = EnumSet.noneOf(TimelineKind.class);
		if (values != null) {
			for (String value : values) {
				for (String part : value.split(",")) {
					if (part.isBlank()) {
						continue;
					}
					kinds.add(TimelineKind.parse(part)
						.orElseThrow(() -> new ValidationException("kind", "\u201c" + part.strip()
								+ "\u201d is not a kind of entry: use code, config, deployment, approval, policy or environment.")));
				}
			}
		}
		return kinds;
	}

	private static @Nullable Instant instant(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			Instant before = Instant.parse(value.strip());
			if (!Instants.inRange(before)) {
				throw new ValidationException("before", Instants.OUT_OF_RANGE);
			}
			return before;
		}
		catch (DateTimeParseException ex) {
			throw new ValidationException("before", "\u201c" + value.strip()
					+ "\u201d is not an instant: continue from the \u201cLoad older\u201d link.");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
