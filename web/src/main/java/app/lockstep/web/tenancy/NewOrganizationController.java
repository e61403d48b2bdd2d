package app.lockstep.web.tenancy;

import java.util.Map;

import app.lockstep.domain.tenancy.CreateOrganization;
import app.lockstep.domain.shared.Organization;
import app.lockstep.web.shared.ClientAddress;
import app.lockstep.web.shared.CurrentUser;
import app.lockstep.web.shared.SignedInUser;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;
import static app.lockstep.web.shared.FormRefusal.Kind.TAKEN;

/** A signed-in person creates another organization, of which they become the OWNER. */
@Controller
class NewOrganizationController {

	private final CreateOrganization createOrganization;

	NewOrganizationController(CreateOrganization createOrganization) {
		this.createOrganization = createOrganization;
	}

	record OrganizationForm(@Nullable String orgName, @Nullable String orgSlug, @Nullable String timeZone) {
	}

	@GetMapping("/orgs/new")
	String form(Model model) {
		model.addAttribute("form", new OrganizationForm("", "", "UTC"));
		model.addAttribute("errors", Map.of());
		model.addAttribute("timeZones", TimeZones.ALL);
		return "tenancy/new-organization";
	}

	@PostMapping("/orgs/new")
	String create(@ModelAttribute OrganizationForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		SignedInUser user = CurrentUser.required();
		return Refusals.onForm(INVALID, TAKEN).submit(response, () -> {
			Organization organization = this.createOrganization.create(user.id(), user.name(),
					ClientAddress.of(request), new CreateOrganization.Command(SignupController.text(form.orgName()),
							SignupController.text(form.orgSlug()), form.timeZone()));
			return "redirect:/orgs/" + organization.slug();
		}, (refused) -> again(form, refused.errors(), model));
	}

	private String again(OrganizationForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("timeZones", TimeZones.ALL);
		return "tenancy/new-organization";
	}

}
