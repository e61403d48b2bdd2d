package app.lockstep.web.config;

import java.util.List;
import java.util.Map;

import app.lockstep.domain.config.LineDiff;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.config.spec.InfrastructureSpec;
import app.lockstep.domain.config.spec.LineError;
import app.lockstep.domain.config.spec.PlatformShLayout;
import app.lockstep.domain.config.spec.SpecParse;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.web.shared.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Importing a spec: a .upsun/config.yaml pasted or uploaded as it is, or a Platform.sh
 * layout converted to the single file. The result is previewed (its problems, what the
 * conversion changed, the diff against the current spec) and opened in the editor, never
 * saved on its own: saving stays the editor's, with its checks and history.
 */
@Controller
class ConfigImportController {

	private final ViewConfig view;

	ConfigImportController(ViewConfig view) {
		this.view = view;
	}

	@GetMapping(ConfigPageController.ENV + "/import")
	String form(Caller caller, @PathVariable String project, @PathVariable String environment, Model model) {
		return formPage(caller, project, environment, ImportForm.empty(), model);
	}

	@PostMapping(ConfigPageController.ENV + "/import")
	String preview(Caller caller, @PathVariable String project, @PathVariable String environment,
			@RequestParam(defaultValue = "preview") String action, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		ImportForm form = ImportForm.from(request);
		if ("more-files".equals(action)) {
			return formPage(caller, project, environment, form.withMoreRows(), model);
		}
		if (!form.errors().isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return formPage(caller, project, environment, form, model);
		}
		String text;
		List<String> notes = List.of();
		List<String> problems = List.of();
		if (!form.upsun().isBlank()) {
			text = form.upsun();
		}
		else if (!form.files().isEmpty()) {
			PlatformShLayout.Conversion conversion = PlatformShLayout.convert(form.files());
			text = conversion.text();
			notes = conversion.notes();
			problems = conversion.problems();
		}
		else {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return formPage(caller, project, environment,
					new ImportForm(form.upsun(), form.rows(),
							Map.of(FormErrors.GLOBAL,
									"Paste or upload a .upsun/config.yaml, or the files of a Platform.sh project.")),
					model);
		}
		ViewConfig.Current current = current(caller, project, environment);
		SpecParse parse = InfrastructureSpec.parse(text);
		ConfigPageController.common(caller, current, model);
		model.addAttribute("text", text);
		model.addAttribute("lines", text.isEmpty() ? List.of() : List.of(text.split("\n", -1)));
		model.addAttribute("specErrors", parse.errors());
		model.addAttribute("specWarnings", parse.warnings());
		model.addAttribute("problemLines", problemLines(parse));
		model.addAttribute("notes", notes);
		model.addAttribute("problems", problems);
		model.addAttribute("changes", LineDiff.between(current.config().infrastructure(), text));
		return "config/import-preview";
	}

	private String formPage(Caller caller, String project, String environment, ImportForm form, Model model) {
		ViewConfig.Current current = current(caller, project, environment);
		ConfigPageController.common(caller, current, model);
		model.addAttribute("form", form);
		model.addAttribute("errors", form.errors());
		return "config/import";
	}

	private ViewConfig.Current current(Caller caller, String project, String environment) {
		ViewConfig.Current current = this.view.current(caller, project, environment);
		if (!caller.can(Permission.EDIT_CONFIG)) {
			throw new ForbiddenException("Your role can read this config but not change it, so it cannot import one.");
		}
		return current;
	}

	private static List<Integer> problemLines(SpecParse parse) {
		return java.util.stream.Stream.concat(parse.errors().stream(), parse.warnings().stream())
			.map(LineError::line)
			.toList();
	}

}
