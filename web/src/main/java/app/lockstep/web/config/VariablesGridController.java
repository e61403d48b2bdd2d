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
import app.lockstep.domain.config.VariableState;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.tenancy.Caller;
import app.lockstep.web.shared.ZoneTimes;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A project's variables across its environments (issue 15): one grid, a row per variable
 * and a column for the shared variables and per environment, each cell the effective
 * value there (sensitive ones masked) and where it comes from; and per variable its
 * history in every scope: when it was added, changed or removed, and by whom.
 */
@Controller
class VariablesGridController {

	static final int HISTORY_PER_SCOPE = 200;

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");

	private final ViewProjects viewProjects;

	private final ViewConfig viewConfig;

	VariablesGridController(ViewProjects viewProjects, ViewConfig viewConfig) {
		this.viewProjects = viewProjects;
		this.viewConfig = viewConfig;
	}

	/**
	 * One cell: the effective value (null when sensitive), its source (the environment,
	 * the shared variables, or the environment overriding them), or absent.
	 */
	record Cell(@Nullable String value, boolean sensitive, String source, String sourceLabel) {

		static final Cell ABSENT = new Cell(null, false, "absent", "not set");

	}

	/** One variable's row: the shared cell, then one per environment. */
	record Row(String name, Cell shared, List<Cell> cells, boolean differs) {
	}

	@GetMapping("/orgs/{org}/projects/{project}/variables")
	String grid(Caller caller, @PathVariable String project, Model model) {
		ProjectWithEnvironments p = this.viewProjects.project(caller, project);
		Map<String, Cell> shared = new LinkedHashMap<>();
		for (EffectiveVariable v : this.viewConfig.current(caller, project, null).config().variables()) {
			shared.put(v.name(), new Cell(v.value(), v.sensitive(), "shared", "shared"));
		}
		List<Map<String, Cell>> columns = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>(shared.keySet());
		for (Environment environment : p.environments()) {
			Map<String, Cell> column = new LinkedHashMap<>();
			for (EffectiveVariable v : this.viewConfig.current(caller, project, environment.name())
				.config()
				.variables()) {
				String source = (v.source() == EffectiveVariable.Source.PROJECT) ? "inherited"
						: (v.overridesProject() ? "override" : "own");
				String label = switch (source) {
					case "inherited" -> "from shared";
					case "override" -> "overrides shared";
					default -> "this environment";
				};
				column.put(v.name(), new Cell(v.value(), v.sensitive(), source, label));
				names.add(v.name());
			}
			columns.add(column);
		}
		List<Row> rows = new ArrayList<>();
		for (String name : names.stream().sorted().toList()) {
			List<Cell> cells = columns.stream().map((c) -> c.getOrDefault(name, Cell.ABSENT)).toList();
			long distinct = cells.stream()
				.map((c) -> c.source().equals("absent") ? "\u0000absent"
						: (c.sensitive() ? "\u0000sensitive" : String.valueOf(c.value())))
				.distinct()
				.count();
			rows.add(new Row(name, shared.getOrDefault(name, Cell.ABSENT), cells, distinct > 1));
		}
		model.addAttribute("section", "dashboard");
		model.addAttribute("project", p.project());
		model.addAttribute("environments", p.environments());
		model.addAttribute("rows", rows);
		return "config/variables";
	}

	/** A change of the variable in one scope's revision. */
	record Change(String scope, @Nullable String environment, int revision, String kind, @Nullable String value,
			boolean sensitive, String author, Instant at, @Nullable String message) {
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
			if (before == null && now != null) {
				kind = "added";
			}
			else if (before != null && now == null) {
				kind = "removed";
			}
			else if (before != null && (!before.fingerprint().equals(now.fingerprint())
					|| before.sensitive() != now.sensitive() || before.visibility() != now.visibility())) {
				kind = "changed";
			}
			if (kind != null) {
				VariableState shown = (now != null) ? now : before;
				changes.add(new Change((environment != null) ? environment : "shared", environment, revision.number(),
						kind, (now != null) ? now.displayValue() : null, shown.sensitive(), revision.author().name(),
						revision.at(), revision.message()));
			}
			before = now;
		}
		return changes;
	}

}
