package app.lockstep.web.tenancy;

import app.lockstep.domain.tenancy.ResolveMembership;

import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.tenancy.RequireTwoFactor;
import app.lockstep.domain.tenancy.UpdateOrganization;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * The organization's name, slug and default time zone: owners change them, everyone else
 * reads them. Also the way to the person's other organizations.
 */
@Controller
class SettingsController {

	static final String PAGE = "tenancy/settings";

	private final UpdateOrganization updateOrganization;

	private final ResolveMembership resolveMembership;

	private final RequireTwoFactor requireTwoFactor;

	SettingsController(UpdateOrganization updateOrganization, ResolveMembership resolveMembership,
			RequireTwoFactor requireTwoFactor) {
		this.resolveMembership = resolveMembership;
		this.updateOrganization = updateOrganization;
		this.requireTwoFactor = requireTwoFactor;
	}

	record SettingsForm(@Nullable String name, @Nullable String timeZone) {
	}

	@GetMapping("/orgs/{org}/settings")
	String page(Caller caller, Model model) {
		Organization organization = caller.organization();
		model.addAttribute("allMemberships", this.resolveMembership.of(caller.userId()));
		return page(new SettingsForm(organization.name(), organization.timeZone().getId()), Map.of(), model);
	}

	@PostMapping("/orgs/{org}/settings")
	String update(Caller caller, @ModelAttribute("form") SettingsForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return Refusals.onForm(INVALID).submit(response, () -> {
			Organization updated = this.updateOrganization.update(caller, SignupController.text(form.name()),
					SignupController.text(form.timeZone()));
			redirect.addFlashAttribute("flash",
					"Settings saved: " + updated.name() + ", default time zone " + updated.timeZone().getId() + ".");
			return "redirect:/orgs/{org}/settings";
		}, (refused) -> {
			model.addAttribute("allMemberships", this.resolveMembership.of(caller.userId()));
			return page(form, refused.errors(), model);
		});
	}

	/**
	 * Owners require (or stop requiring) two-factor authentication of the members; anyone
	 * else gets 403.
	 */
	@PostMapping("/orgs/{org}/settings/two-factor")
	String twoFactor(Caller caller, @RequestParam(name = "required", defaultValue = "false") boolean required,
			RedirectAttributes redirect) {
		this.requireTwoFactor.set(caller, required);
		redirect.addFlashAttribute("flash",
				required ? "Two-factor authentication is now required: members without it are led to set it up first."
						: "Two-factor authentication is no longer required.");
		return "redirect:/orgs/{org}/settings";
	}

	private String page(SettingsForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("timeZones", TimeZones.ALL);
		model.addAttribute("section", "settings");
		return PAGE;
	}

}
