package app.lockstep.web.tenancy;

import java.util.List;

import app.lockstep.domain.tenancy.Membership;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.web.shared.CurrentUser;
import app.lockstep.web.shared.SignedInUser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "/" takes a signed-in person to the organization they used last (or their first one).
 */
@Controller
class HomeController {

	private final ResolveMembership resolveMembership;

	private final LastOrganization lastOrganization;

	HomeController(ResolveMembership resolveMembership, LastOrganization lastOrganization) {
		this.resolveMembership = resolveMembership;
		this.lastOrganization = lastOrganization;
	}

	@GetMapping("/")
	String home() {
		SignedInUser user = CurrentUser.required();
		List<Membership> memberships = this.resolveMembership.of(user.id());
		if (memberships.isEmpty()) {
			return "redirect:/orgs/new";
		}
		String slug = this.lastOrganization.of(user.id())
			.flatMap((last) -> memberships.stream().filter((m) -> m.organization().id().equals(last)).findFirst())
			.orElse(memberships.get(0))
			.organization()
			.slug();
		return "redirect:/orgs/" + slug;
	}

}
