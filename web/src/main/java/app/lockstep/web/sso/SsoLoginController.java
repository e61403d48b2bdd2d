package app.lockstep.web.sso;

import java.util.Locale;

import app.lockstep.domain.sso.SignInWithSso;
import app.lockstep.domain.sso.SsoRefusal;
import app.lockstep.web.shared.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Sign in with SSO": the person types their work email or their organization's slug and
 * is sent on to that organization's provider. Refusals of the sign-in come back here with
 * their reason.
 */
@Controller
class SsoLoginController {

	static final String PAGE = "sso/login";

	static final String CONTINUE = "sso/continue";

	private final SignInWithSso signIn;

	SsoLoginController(SignInWithSso signIn) {
		this.signIn = signIn;
	}

	@GetMapping(SsoLogin.PAGE)
	String page(@RequestParam(required = false) @Nullable String refused, Model model, HttpServletResponse response) {
		if (CurrentUser.optional().isPresent() && refused == null) {
			return "redirect:/";
		}
		if (refused != null) {
			model.addAttribute("refusal", message(refused));
		}
		model.addAttribute("who", "");
		return PAGE;
	}

	@PostMapping(SsoLogin.PAGE)
	String start(@RequestParam(required = false) @Nullable String who, Model model, HttpServletResponse response) {
		String registrationId = this.signIn.registrationFor(who).orElse(null);
		if (registrationId == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("who", (who != null) ? who.strip() : "");
			model.addAttribute("refusal", SsoRefusal.Reason.NO_PROVIDER.message());
			return PAGE;
		}
		// Not a redirect: the page's Content-Security-Policy (form-action 'self') stops a
		// form submission that redirects on to another origin, the provider. The browser
		// follows this page's refresh as a navigation of its own, and the link is there
		// should it not.
		String next = "/oauth2/authorization/" + registrationId;
		response.setHeader("Refresh", "0; url=" + next);
		model.addAttribute("next", next);
		return CONTINUE;
	}

	/**
	 * Reached only when the organization has no single sign-on (or its provider cannot be
	 * discovered just now): the OAuth2 client handles every other authorization request.
	 */
	@GetMapping("/oauth2/authorization/{registrationId}")
	String unknown(@PathVariable String registrationId, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("who", "");
		model.addAttribute("refusal", SsoRefusal.Reason.NO_PROVIDER.message());
		return PAGE;
	}

	static String message(String code) {
		for (SsoRefusal.Reason reason : SsoRefusal.Reason.values()) {
			if (reason.name().toLowerCase(Locale.ROOT).equals(code)) {
				return reason.message();
			}
		}
		return "Signing in with your identity provider did not work. Try again, or log in with your password.";
	}

}
