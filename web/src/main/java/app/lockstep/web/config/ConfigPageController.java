package app.lockstep.web.config;

import java.util.List;
import java.util.Map;

import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.InvalidConfigException;
import app.lockstep.domain.config.RestoreConfigRevision;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.StaleConfigException;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.config.spec.ImageRegistry;
import app.lockstep.domain.config.spec.InfrastructureSpec;
import app.lockstep.domain.config.spec.LineError;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.web.shared.FormErrors;
import app.lockstep.web.shared.ZoneTimes;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * The config editor of an environment (spec as YAML text, variables as a form) and of a
 * project's shared variables, its history, one revision, a diff between two, and restore.
 * A refused save keeps the person's text, shows each error beside its line or field, and
 * saves nothing.
 */
@Controller
class ConfigPageController {

	static final String ENV = "/orgs/{org}/projects/{project}/environments/{environment}/config";

	static final String PROJECT = "/orgs/{org}/projects/{project}/config";

	private final ViewConfig view;

	private final SaveConfigRevision save;

	private final RestoreConfigRevision restore;

	ConfigPageController(ViewConfig view, SaveConfigRevision save, RestoreConfigRevision restore) {
		this.view = view;
		this.save = save;
		this.restore = restore;
	}

	@GetMapping({ ENV, PROJECT })
	String editor(Caller caller, @PathVariable String project,
			@PathVariable(required = false) @Nullable String environment, Model model) {
		ViewConfig.Current current = this.view.current(caller, project, environment);
		String text = current.config().infrastructure();
		return editorPage(caller, current, text, VariableRows.of(current.config(), environment == null), null,
				current.config().revisionNumber(), Map.of(), List.of(), model);
	}

	/**
	 * Checks a spec as the editor holds it, without saving: its errors and warnings with
	 * their lines and columns, for the editor's gutter. For those who may edit the
	 * config.
	 */
	@PostMapping(path = ENV + "/validate", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	SpecCheck validate(Caller caller, @PathVariable String project, @PathVariable String environment,
			@RequestParam(defaultValue = "") String infrastructure) {
		this.view.current(caller, project, environment);
		// Only the editor asks, and only those who may save see the editor.
		caller.require(Permission.EDIT_CONFIG);
		return SpecCheck.of(InfrastructureSpec.parse(infrastructure));
	}

	/** A revision's spec as a file to put in a repository at .upsun/config.yaml. */
	@GetMapping(ENV + "/revisions/{number}/config.yaml")
	ResponseEntity<String> download(Caller caller, @PathVariable String project, @PathVariable String environment,
			@PathVariable int number) {
		ConfigRevision revision = this.view.revision(caller, project, environment, number);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("config.yaml").build().toString())
			.body(revision.infrastructure());
	}

	@PostMapping({ ENV, PROJECT })
	String saveConfig(Caller caller, @PathVariable String org, @PathVariable String project,
			@PathVariable(required = false) @Nullable String environment,
			@RequestParam(defaultValue = "") String infrastructure,
			@RequestParam(required = false) @Nullable String message,
			@RequestParam(required = false) @Nullable Integer baseRevision,
			@RequestParam(defaultValue = "save") String action, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		VariableRows rows = VariableRows.from(request);
		if ("review".equals(action)) {
			// A spec brought from elsewhere (an import): shown in the editor, not saved
			// yet.
			ViewConfig.Current current = this.view.current(caller, project, environment);
			int base = current.config().revisionNumber();
			return editorPage(caller, current, infrastructure, VariableRows.of(current.config(), environment == null),
					message, base, Map.of(), List.of(), model);
		}
		if ("more-rows".equals(action)) {
			ViewConfig.Current current = this.view.current(caller, project, environment);
			return editorPage(caller, current, infrastructure, rows, message, (baseRevision != null) ? baseRevision : 0,
					Map.of(), List.of(), model, 5);
		}
		Map<String, String> rowErrors = rows.errors();
		if (!rowErrors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			ViewConfig.Current current = this.view.current(caller, project, environment);
			return editorPage(caller, current, infrastructure, rows, message, (baseRevision != null) ? baseRevision : 0,
					rowErrors, List.of(), model);
		}
		return Refusals.onForm(INVALID).or(StaleConfigException.class).submit(response, () -> {
			ConfigRevision revision = this.save.save(caller,
					new SaveConfigRevision.Command(project, environment,
							(baseRevision != null && baseRevision > 0) ? baseRevision : null, infrastructure,
							rows.inputs(), message));
			redirect.addFlashAttribute("flash",
					"Saved revision " + revision.number() + ": " + revision.summary() + "." + warned(revision));
			return "redirect:" + path(org, project, environment, "");
		}, (refused) -> {
			ViewConfig.Current current = this.view.current(caller, project, environment);
			if (refused.cause() instanceof StaleConfigException stale) {
				model.addAttribute("stale", stale);
				// The next save goes on top of the newer revision, with the person's own
				// text re-applied.
				return editorPage(caller, current, infrastructure, rows, message, stale.latest().number(), Map.of(),
						List.of(), model);
			}
			return editorPage(caller, current, infrastructure, rows, message, (baseRevision != null) ? baseRevision : 0,
					refused.errors(),
					(refused.cause() instanceof InvalidConfigException invalid) ? invalid.lineErrors() : List.of(),
					model);
		});
	}

	@GetMapping({ ENV + "/history", PROJECT + "/history" })
	String history(Caller caller, @PathVariable String project,
			@PathVariable(required = false) @Nullable String environment,
			@RequestParam(required = false) @Nullable Integer before, Model model) {
		ViewConfig.Current current = this.view.current(caller, project, environment);
		List<ConfigRevision> page = this.view.history(caller, project, environment, before, 51);
		boolean more = page.size() > 50;
		model.addAttribute("revisions", more ? page.subList(0, 50) : page);
		model.addAttribute("next", more ? page.get(49).number() : null);
		common(caller, current, model);
		return "config/history";
	}

	@GetMapping({ ENV + "/revisions/{number}", PROJECT + "/revisions/{number}" })
	String revision(Caller caller, @PathVariable String project,
			@PathVariable(required = false) @Nullable String environment, @PathVariable int number, Model model) {
		ViewConfig.Current current = this.view.current(caller, project, environment);
		model.addAttribute("revision", this.view.revision(caller, project, environment, number));
		common(caller, current, model);
		return "config/revision";
	}

	@GetMapping({ ENV + "/diff", PROJECT + "/diff" })
	String diff(Caller caller, @PathVariable String project,
			@PathVariable(required = false) @Nullable String environment, @RequestParam int from, @RequestParam int to,
			Model model) {
		ViewConfig.Current current = this.view.current(caller, project, environment);
		model.addAttribute("diff",
				this.view.diff(caller, project, environment, Math.min(from, to), Math.max(from, to)));
		common(caller, current, model);
		return "config/diff";
	}

	/**
	 * What restoring a revision would change, before anything is saved: the diff from the
	 * current revision to it, and a button that restores it as a new revision.
	 */
	@GetMapping({ ENV + "/revisions/{number}/restore", PROJECT + "/revisions/{number}/restore" })
	String restorePreview(Caller caller, @PathVariable String project,
			@PathVariable(required = false) @Nullable String environment, @PathVariable int number, Model model) {
		ViewConfig.Current current = this.view.current(caller, project, environment);
		caller.require(Permission.EDIT_CONFIG);
		ConfigRevision restored = this.view.revision(caller, project, environment, number);
		int latest = current.config().revisionNumber();
		common(caller, current, model);
		model.addAttribute("revision", restored);
		model.addAttribute("latest", latest);
		model.addAttribute("diff",
				(latest != number) ? this.view.diff(caller, project, environment, latest, number) : null);
		return "config/restore";
	}

	@PostMapping({ ENV + "/revisions/{number}/restore", PROJECT + "/revisions/{number}/restore" })
	String restoreRevision(Caller caller, @PathVariable String org, @PathVariable String project,
			@PathVariable(required = false) @Nullable String environment, @PathVariable int number,
			RedirectAttributes redirect) {
		String history = "redirect:" + path(org, project, environment, "/history");
		return Refusals.onForm(INVALID).submitOrRedirect(() -> {
			ConfigRevision revision = this.restore.restore(caller, project, environment, number, null);
			redirect.addFlashAttribute("flash", "Restored revision " + number + " as revision " + revision.number()
					+ ": " + revision.summary() + ".");
			return history;
		}, (refused) -> {
			// Restoring what the config holds already would be an empty revision.
			ConfigRevision latest = this.view.current(caller, project, environment).config().revision();
			redirect.addFlashAttribute("errors",
					Map.of(FormErrors.GLOBAL,
							(latest != null) ? "Revision " + number + " is what this config holds already (revision "
									+ latest.number() + "): nothing to restore." : refused.message()));
			return history;
		});
	}

	/**
	 * " 1 warning: Line 3: PHP 8.3 is deprecated …" for one or two warnings, " 9
	 * warnings: see them beside their lines in the editor." for more, or nothing.
	 */
	static String warned(ConfigRevision revision) {
		List<LineError> warnings = InfrastructureSpec.parse(revision.infrastructure()).warnings();
		if (warnings.isEmpty()) {
			return "";
		}
		if (warnings.size() > 2) {
			return " " + warnings.size() + " warnings: see them beside their lines in the editor.";
		}
		return " " + warnings.size() + (warnings.size() == 1 ? " warning: " : " warnings: ")
				+ String.join("; ", warnings.stream().map(LineError::located).toList());
	}

	private String editorPage(Caller caller, ViewConfig.Current current, String text, VariableRows rows,
			@Nullable String message, int baseRevision, Map<String, String> errors, List<LineError> lineErrors,
			Model model) {
		return editorPage(caller, current, text, rows, message, baseRevision, errors, lineErrors, model,
				VariableRows.BLANK_ROWS);
	}

	private String editorPage(Caller caller, ViewConfig.Current current, String text, VariableRows rows,
			@Nullable String message, int baseRevision, Map<String, String> errors, List<LineError> lineErrors,
			Model model, int blanks) {
		common(caller, current, model);
		model.addAttribute("infrastructure", text);
		model.addAttribute("lines", text.isEmpty() ? List.of() : List.of(text.split("\n", -1)));
		model.addAttribute("rows", rows.forDisplay(blanks));
		model.addAttribute("message", message);
		model.addAttribute("baseRevision", baseRevision);
		model.addAttribute("errors", errors);
		model.addAttribute("lineErrors", lineErrors);
		model.addAttribute("errorLines", lineErrors.stream().map(LineError::line).toList());
		model.addAttribute("warnings", lineErrors.isEmpty() ? InfrastructureSpec.parse(text).warnings() : List.of());
		model.addAttribute("specEditor", true);
		model.addAttribute("visibilities", Visibility.values());
		model.addAttribute("runtimes", ImageRegistry.upsun().runtimes());
		model.addAttribute("services", ImageRegistry.upsun().services());
		return "config/editor";
	}

	static void common(Caller caller, ViewConfig.Current current, Model model) {
		model.addAttribute("target", current.target());
		model.addAttribute("project", current.target().project());
		model.addAttribute("environment", current.target().environment());
		model.addAttribute("config", current.config());
		model.addAttribute("current", current);
		model.addAttribute("canEdit", caller.can(Permission.EDIT_CONFIG));
		model.addAttribute("base", base(caller.organization().slug(), current.target().project().slug(),
				current.target().environmentName()));
		model.addAttribute("section", "dashboard");
		// One rule for times on every page about an environment: its own clock, the zone
		// named, UTC on hover; shared variables go by the organization's zone.
		ZoneTimes times = new ZoneTimes((current.target().environment() != null)
				? current.target().environment().timeZone() : caller.organization().timeZone());
		model.addAttribute("times", times);
		model.addAttribute("wording", new ConfigText(times));
	}

	static String base(String org, String project, @Nullable String environment) {
		return path(org, project, environment, "");
	}

	static String path(String org, String project, @Nullable String environment, String suffix) {
		String template = (environment != null) ? ENV : PROJECT;
		return UriComponentsBuilder.fromPath(template + suffix)
			.buildAndExpand(
					(environment != null) ? new Object[] { org, project, environment } : new Object[] { org, project })
			.encode()
			.toUriString();
	}

}
