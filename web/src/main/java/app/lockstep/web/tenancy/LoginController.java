package app.lockstep.web.tenancy;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import app.lockstep.web.shared.CurrentUser;
import app.lockstep.web.shared.LoginRateLimits;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return CurrentUser.optional().isPresent() ? "redirect:/" : "tenancy/login";
	}

	/**
	 * Reached only by a login attempt over a rate limit (the form login processes every
	 * other one before MVC): the login page again, with 429 and when to try again.
	 */
	@PostMapping("/login")
	String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
		Duration wait = LoginRateLimits.refusedFor(request);
		if (wait == null) {
			return "redirect:/login";
		}
		String seconds = LoginRateLimits.retryAfterSeconds(wait);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, seconds);
		model.addAttribute("retryAfterSeconds", seconds);
		model.addAttribute("throttled", "Too many login attempts from your network or with this email address. Wait "
				+ seconds + " seconds, then try again.");
		return "tenancy/login";
	}

}
