package app.lockstep.web.tenancy;

import java.util.Map;

import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.web.shared.ClientAddress;
import app.lockstep.web.shared.CurrentUser;
import app.lockstep.web.shared.Refusals;
import app.lockstep.web.shared.SessionLogin;
import app.lockstep.web.shared.SignedInUser;
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

@Controller
class SignupController {

	private final SignUp signUp;

	private final SessionLogin sessionLogin;

	SignupController(SignUp signUp, SessionLogin sessionLogin) {
		this.signUp = signUp;
		this.sessionLogin = sessionLogin;
	}

	record SignupForm(@Nullable String email, @Nullable String name, @Nullable String password,
			@Nullable String orgName, @Nullable String orgSlug, @Nullable String timeZone) {
	}

	@GetMapping("/signup")
	String form(Model model) {
		if (CurrentUser.optional().isPresent()) {
			return "redirect:/";
		}
		model.addAttribute("form", new SignupForm("", "", "", "", "", "UTC"));
		model.addAttribute("errors", Map.of());
		model.addAttribute("timeZones", TimeZones.ALL);
		return "tenancy/signup";
	}

	@PostMapping("/signup")
	String signUp(@ModelAttribute SignupForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return Refusals.onForm(INVALID, TAKEN).submit(response, () -> {
			SignUp.Result result = this.signUp
				.signUp(new SignUp.Command(text(form.email()), text(form.name()), text(form.password()),
						text(form.orgName()), text(form.orgSlug()), form.timeZone(), ClientAddress.of(request)));
			this.sessionLogin.signIn(new SignedInUser(result.user(), SignUp.normalizeEmail(form.email()),
					text(form.name()).strip(), null, false), request, response);
			return "redirect:/orgs/" + result.organization().slug() + "?welcome";
		}, (refused) -> again(form, refused.errors(), model));
	}

	private String again(SignupForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form",
				new SignupForm(form.email(), form.name(), "", form.orgName(), form.orgSlug(), form.timeZone()));
		model.addAttribute("errors", errors);
		model.addAttribute("timeZones", TimeZones.ALL);
		return "tenancy/signup";
	}

	static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
