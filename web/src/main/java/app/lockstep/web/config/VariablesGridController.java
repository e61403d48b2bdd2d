package app.lockstep.web.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.EffectiveVariable;
import app.lockstep.domain.config.StoredVariable;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.VariableState;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.web.shared.ZoneTimes;
import app.lockstep.web.shared.Refusals;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import static app.lockstep.web.shared.FormRefusal.Kind.CONFLICT;
import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * A project's variables across its environments (issue 15): one grid, a row per variable
 * and a column for the shared variables and per environment, each cell the effective
 * value there (sensitive ones masked) and where it comes from; and per variable its
 * history in every scope: when it was added, changed or removed, and by whom. Members who
 * edit config set a value in place; each save is a revision of that scope.
 */
@Controller
class VariablesGridController {

	static final int HISTORY_PER_SCOPE = 200;

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");

	private final ViewProjects viewProjects;

	private final ViewConfig viewConfig;

	private final SaveConfigRevision save;

	VariablesGridController(ViewProjects viewProjects, ViewConfig viewConfig, SaveConfigRevision save) {
		this.viewProjects = viewProjects;
		this.viewConfig = viewConfig;
		this.save = save;
	}

	/**
	 * One cell: the effective value (null when sensitive), its source (the environment,
	 * the shared variables, or the environment overriding them), or absent.
	 */
	record Cell(@Nullable String value, boolean sensitive, String source, String sourceLabel, String scope, int base) {

		static Cell absent(String scope, int base) {
			return new Cell(null, false, "absent", "not set", scope, base);
		}

		/** How the scope is named on the page: "shared" or the environment's name. */
		public String scopeLabel() {
			return this.scope.isEmpty() ? "shared" : this.scope;
		}

		public String shownValue() {
			return (this.value == null || this.value.isEmpty()) ? "(empty)" : this.value;
		}

		/** Where the value comes from, and whether it is sensitive. */
		public String sourceText() {
			return this.sourceLabel + (this.sensitive ? " · sensitive" : "");
		}

		/** "Set APP_ENV in staging", the name of the edit toggle. */
		public String setLabel(String name) {
			return "Set " + name + " in " + scopeLabel();
		}

		/** "APP_ENV in staging", the label of the value field. */
		public String fieldLabel(String name) {
			return name + " in " + scopeLabel();
		}

		public String placeholder() {
			return "inherited".equals(this.source) ? "Override: " + this.value : "Value";
		}

		public String submitLabel() {
			return switch (this.source) {
				case "inherited" -> "Override";
				case "absent" -> "Add";
				default -> "Save";
			};
		}

	}

	/** One variable's row: the shared cell, then one per environment. */
	record Row(String name, Cell shared, List<Cell> cells, boolean differs) {

		public String historyTitle() {
			return "History of " + this.name;
		}

	}

	@GetMapping("/orgs/{org}/projects/{project}/variables")
	String grid(Caller caller, @PathVariable String project, Model model) {
		grid(caller, project, model, null, null);
		return "config/variables";
	}

	/**
	 * Sets one variable's value in one scope (an environment, or the shared variables
	 * when {@code environment} is empty) from the grid: a new revision of that scope with
	 * everything else as it was (secrets kept sealed), refused when the scope moved on
	 * since the page showed {@code base}. htmx gets the grid back; plain forms a
	 * redirect.
	 */
	@PostMapping("/orgs/{org}/projects/{project}/variables/{name}")
	String set(Caller caller, @PathVariable String project, @PathVariable String name,
			@RequestParam(required = false) @Nullable String environment,
			@RequestParam(required = false) @Nullable String value,
			@RequestParam(required = false) @Nullable Integer base, HtmxRequest htmx, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		caller.require(Permission.EDIT_CONFIG);
		if (!NAME.matcher(name).matches()) {
			throw new NotFoundException("No variable \"" + name + "\".");
		}
		String scope = (environment == null || environment.isBlank()) ? null : environment.strip();
		String where = (scope != null) ? scope : "the shared variables";
		Saved saved = Refusals.onForm(INVALID, CONFLICT)
			.submit(response, () -> new Saved(set(caller, project, scope, name, value, base, where), null),
					(refused) -> new Saved(null,
							refused.conflict() ? name + " was not saved: " + where
									+ " changed since this page was loaded. The grid below is as it is now; try again."
									: name + " was not saved in " + where + ": "
											+ String.join(" ", refused.errors().values())));
		if (!htmx.isHtmxRequest() && saved.problem() == null) {
			redirect.addFlashAttribute("flash", saved.notice());
			return "redirect:" + UriComponentsBuilder.fromPath("/orgs/{org}/projects/{project}/variables")
				.buildAndExpand(caller.organization().slug(), project)
				.encode()
				.toUriString();
		}
		grid(caller, project, model, saved.notice(), saved.problem());
		return htmx.isHtmxRequest() ? "config/variables :: grid" : "config/variables";
	}

	/** The notice after setting a value in the grid, or the problem that stopped it. */
	private record Saved(@Nullable String notice, @Nullable String problem) {
	}

	/** Sets one plain value in one scope: a new revision; the notice that says so. */
	private String set(Caller caller, String project, @Nullable String scope, String name, @Nullable String value,
			@Nullable Integer base, String where) {
		ConfigRevision current = this.viewConfig.current(caller, project, scope).config().revision();
		List<VariableInput> inputs = new ArrayList<>();
		boolean found = false;
		if (current != null) {
			for (StoredVariable v : current.variables()) {
				if (v.name().equals(name)) {
					if (v.sensitive()) {
						throw new ValidationException("value",
								"A sensitive value is changed in the config editor, where it is typed blind.");
					}
					inputs.add(new VariableInput(name, (value != null) ? value : "", false, v.visibility()));
					found = true;
				}
				else {
					inputs.add(new VariableInput(v.name(), v.sensitive() ? null : v.value(), v.sensitive(),
							v.visibility()));
				}
			}
		}
		if (!found) {
			inputs.add(new VariableInput(name, (value != null) ? value : "", false, Visibility.RUNTIME));
		}
		ConfigRevision saved = this.save.save(caller, new SaveConfigRevision.Command(project, scope,
				(current != null) ? ((base != null) ? base : current.number()) : null,
				(current != null) ? current.infrastructure() : "", inputs, "Set " + name + " from the variables grid"));
		return name + " set in " + where + ": revision " + saved.number() + ".";
	}

	private void grid(Caller caller, String project, Model model, @Nullable String notice, @Nullable String problem) {
		ProjectWithEnvironments p = this.viewProjects.project(caller, project);
		Map<String, Cell> shared = new LinkedHashMap<>();
		var sharedConfig = this.viewConfig.current(caller, project, null).config();
		int sharedBase = (sharedConfig.revision() != null) ? sharedConfig.revision().number() : 0;
		for (EffectiveVariable v : sharedConfig.variables()) {
			shared.put(v.name(), new Cell(v.value(), v.sensitive(), "shared", "shared", "", sharedBase));
		}
		List<Map<String, Cell>> columns = new ArrayList<>();
		List<Integer> bases = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>(shared.keySet());
		for (Environment environment : p.environments()) {
			Map<String, Cell> column = new LinkedHashMap<>();
			var config = this.viewConfig.current(caller, project, environment.name()).config();
			int base = config.revisionNumber();
			bases.add(base);
			for (EffectiveVariable v : config.variables()) {
				String source = (v.source() == EffectiveVariable.Source.PROJECT) ? "inherited"
						: (v.overridesProject() ? "override" : "own");
				String label = switch (source) {
					case "inherited" -> "from shared";
					case "override" -> "overrides shared";
					default -> "this environment";
				};
				column.put(v.name(), new Cell(v.value(), v.sensitive(), source, label, environment.name(), base));
				names.add(v.name());
			}
			columns.add(column);
		}
		List<Row> rows = new ArrayList<>();
		for (String name : names.stream().sorted().toList()) {
			List<Cell> cells = new ArrayList<>();
			for (int i = 0; i < columns.size(); i++) {
				cells.add(columns.get(i).getOrDefault(name, Cell.absent(p.environments().get(i).name(), bases.get(i))));
			}
			long distinct = cells.stream()
				.map((c) -> c.source().equals("absent") ? "\u0000absent"
						: (c.sensitive() ? "\u0000sensitive" : String.valueOf(c.value())))
				.distinct()
				.count();
			rows.add(new Row(name, shared.getOrDefault(name, Cell.absent("", sharedBase)), cells, distinct > 1));
		}
		model.addAttribute("section", "dashboard");
		model.addAttribute("project", p.project());
		model.addAttribute("environments", p.environments());
		model.addAttribute("rows", rows);
		model.addAttribute("canEdit", caller.can(Permission.EDIT_CONFIG));
		model.addAttribute("org", caller.organization());
		model.addAttribute("gridNotice", notice);
		model.addAttribute("gridProblem", problem);
		model.addAttribute("pageTitle", "Variables · " + p.project().name() + " · Lockstep");
	}

	/** A change of the variable in one scope's revision. */
	record Change(String scope, @Nullable String environment, int revision, String kind, @Nullable String value,
			boolean sensitive, String author, Instant at, @Nullable String message) {

		public String shownValue() {
			return (this.value == null || this.value.isEmpty()) ? "(empty)" : this.value;
		}

		public String revisionLabel() {
			return "revision " + this.revision;
		}

		public String quotedMessage() {
			return "“" + this.message + "”";
		}

	}

	@GetMapping("/orgs/{org}/projects/{project}/variables/{name}")
	String history(Caller caller, @PathVariable String project, @PathVariable String name, Model model) {
		if (!NAME.matcher(name).matches()) {
			throw new NotFoundException("No variable \"" + name + "\".");
		}
		ProjectWithEnvironments p = this.viewProjects.project(caller, project);
		List<Change> changes = new ArrayList<>(changes(caller, project, null, name));
		for (Environment environment : p.environments()) {
			changes.addAll(changes(caller, project, environment.name(), name));
		}
		changes.sort(Comparator.comparing(Change::at).thenComparing(Change::revision).reversed());
		model.addAttribute("section", "dashboard");
		model.addAttribute("project", p.project());
		model.addAttribute("name", name);
		model.addAttribute("changes", changes);
		model.addAttribute("times", new ZoneTimes(caller.organization().timeZone()));
		model.addAttribute("pageTitle", name + " · Variables · " + p.project().name() + " · Lockstep");
		return "config/variable-history";
	}

	/**
	 * Where the variable changed in one scope's latest {@value #HISTORY_PER_SCOPE}
	 * revisions, comparing each revision with the one before it.
	 */
	private List<Change> changes(Caller caller, String project, @Nullable String environment, String name) {
		List<ConfigRevision> history = new ArrayList<>(
				this.viewConfig.history(caller, project, environment, null, HISTORY_PER_SCOPE));
		history.sort(Comparator.comparingInt(ConfigRevision::number));
		List<Change> changes = new ArrayList<>();
		VariableState before = null;
		for (ConfigRevision revision : history) {
			VariableState now = revision.variables()
				.stream()
				.filter((v) -> v.name().equals(name))
				.map(StoredVariable::state)
				.findFirst()
				.orElse(null);
			String kind = null;
			VariableState shown = null;
			if (before == null && now != null) {
				kind = "added";
				shown = now;
			}
			else if (before != null && now == null) {
				kind = "removed";
				shown = before;
			}
			else if (before != null && now != null && (!before.fingerprint().equals(now.fingerprint())
					|| before.sensitive() != now.sensitive() || before.visibility() != now.visibility())) {
				kind = "changed";
				shown = now;
			}
			if (kind != null && shown != null) {
				changes.add(new Change((environment != null) ? environment : "shared", environment, revision.number(),
						kind, (now != null) ? now.displayValue() : null, shown.sensitive(), revision.author().name(),
						revision.at(), revision.message()));
			}
			before = now;
		}
		return changes;
	}

}
