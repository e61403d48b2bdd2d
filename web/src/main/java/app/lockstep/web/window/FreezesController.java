package app.lockstep.web.window;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.window.FreezeId;
import app.lockstep.domain.window.ManageOrganizationFreezes;
import app.lockstep.domain.window.OrganizationFreeze;
import app.lockstep.domain.window.WindowRulesInput;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * Organization-wide freezes, which close every production environment: everyone reads
 * them; members who manage policies add them (times on the organization's clock) and
 * remove them.
 */
@Controller
@RequestMapping("/orgs/{org}/freezes")
class FreezesController {

	static final String PAGE = "window/freezes";

	private static final String REDIRECT = "redirect:/orgs/{org}/freezes";

	private final ManageOrganizationFreezes freezes;

	private final Clock clock;

	FreezesController(ManageOrganizationFreezes freezes, Clock clock) {
		this.freezes = freezes;
		this.clock = clock;
	}

	/** What the add form holds; kept as typed when it is refused. */
	record FreezeForm(@Nullable String start, @Nullable String end, @Nullable String reason) {
	}

	/** A freeze as the list shows it. */
	record FreezeRow(String id, String reason, String start, String end, String status, String createdBy) {

		public String removeLabel() {
			return "Remove " + this.reason;
		}

	}

	@GetMapping
	String page(Caller caller, Model model) {
		return page(caller, new FreezeForm("", "", ""), Map.of(), model);
	}

	@PostMapping
	String add(Caller caller, @ModelAttribute FreezeForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return Refusals.onForm(INVALID).submit(response, () -> {
			OrganizationFreeze added = this.freezes.add(caller,
					new WindowRulesInput.FreezeInput(form.start(), form.end(), form.reason()));
			redirect.addFlashAttribute("flash", "Freeze \u201c" + added.freeze().reason()
					+ "\u201d added: every production environment is closed during it.");
			return REDIRECT;
		}, (refused) -> page(caller, form, refused.errors(), model));
	}

	@PostMapping("/{id}/remove")
	String remove(Caller caller, @PathVariable String id, RedirectAttributes redirect) {
		OrganizationFreeze removed = this.freezes.remove(caller, freezeId(id));
		redirect.addFlashAttribute("flash", "Freeze \u201c" + removed.freeze().reason() + "\u201d removed.");
		return REDIRECT;
	}

	static FreezeId freezeId(String id) {
		try {
			return new FreezeId(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("No organization-wide freeze " + id + ".");
		}
	}

	private String page(Caller caller, FreezeForm form, Map<String, String> errors, Model model) {
		ZoneId zone = caller.organization().timeZone();
		Instant now = this.clock.instant();
		List<FreezeRow> rows = this.freezes.list(caller)
			.stream()
			.map((freeze) -> new FreezeRow(freeze.id().toString(), freeze.freeze().reason(),
					WindowStatusView.freezeTime(freeze.freeze().start(), zone),
					WindowStatusView.freezeTime(freeze.freeze().end(), zone), status(freeze, now), freeze.createdBy()))
			.toList();
		model.addAttribute("freezes", rows);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("canManage", caller.can(Permission.MANAGE_POLICIES));
		model.addAttribute("section", "settings");
		return PAGE;
	}

	private static String status(OrganizationFreeze freeze, Instant now) {
		if (!now.isBefore(freeze.freeze().end())) {
			return "past";
		}
		return now.isBefore(freeze.freeze().start()) ? "upcoming" : "in force";
	}

}
