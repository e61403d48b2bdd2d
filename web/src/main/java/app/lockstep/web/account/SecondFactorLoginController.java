package app.lockstep.web.account;

import java.time.Clock;
import java.time.Duration;

import app.lockstep.domain.twofactor.SecondFactorCheck;
import app.lockstep.domain.twofactor.SecondFactorCheck.Outcome;
import app.lockstep.web.shared.CurrentUser;
import app.lockstep.web.shared.LoginRateLimits;
import app.lockstep.web.shared.SessionLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of logging in for a person with two-factor authentication: a code from
 * their app or one of their recovery codes. Only a session whose password was right a
 * moment ago ({@link PendingSecondFactor}, at most 10 minutes) gets the form; a right
 * code signs the person in with a new session id and leads to the page they wanted. Wrong
 * codes lock the step after five ({@link SecondFactorCheck}), and codes count against the
 * client network's login rate limit.
 */
@Controller
class SecondFactorLoginController {

	private static final Logger log = LoggerFactory.getLogger(SecondFactorLoginController.class);

	/** How long after the password the code may come. */
	static final Duration PATIENCE = Duration.ofMinutes(10);

	static final String PAGE = "account/login-code";

	private final SecondFactorCheck check;

	private final SessionLogin sessionLogin;

	private final Clock clock;

	private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

	SecondFactorLoginController(SecondFactorCheck check, SessionLogin sessionLogin, Clock clock) {
		this.check = check;
		this.sessionLogin = sessionLogin;
		this.clock = clock;
	}

	@GetMapping(SecondFactorGate.CODE_PAGE)
	String page(HttpServletRequest request, HttpServletResponse response) {
		PendingSecondFactor pending = pending();
		if (pending == null) {
			return CurrentUser.optional().isPresent() ? "redirect:/" : "redirect:/login";
		}
		if (expired(pending)) {
			return startAgain(request, response, pending);
		}
		return PAGE;
	}

	@PostMapping(SecondFactorGate.CODE_PAGE)
	String verify(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Duration wait = LoginRateLimits.refusedFor(request);
		if (wait != null) {
			String seconds = LoginRateLimits.retryAfterSeconds(wait);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, seconds);
			model.addAttribute("throttled",
					"Too many login attempts from your network. Wait " + seconds + " seconds, then try again.");
			return PAGE;
		}
		PendingSecondFactor pending = pending();
		if (pending == null) {
			return "redirect:/login";
		}
		if (expired(pending)) {
			return startAgain(request, response, pending);
		}
		Outcome outcome = this.check.check(pending.user().id(), code.strip());
		switch (outcome) {
			case CODE_ACCEPTED, RECOVERY_CODE_ACCEPTED -> {
				this.sessionLogin.signIn(pending.user(), request, response);
				if (outcome == Outcome.RECOVERY_CODE_ACCEPTED) {
					log.info("Person {} logged in with a recovery code", pending.user().id());
				}
				SavedRequest saved = this.requestCache.getRequest(request, response);
				this.requestCache.removeRequest(request, response);
				return "redirect:" + ((saved != null) ? saved.getRedirectUrl() : "/");
			}
			case LOCKED -> {
				log.info("Second step of logging in locked for person {} after wrong codes", pending.user().id());
				return "redirect:/login/code?locked";
			}
			case NOT_ENABLED -> {
				return startAgain(request, response, pending);
			}
			default -> {
				return "redirect:/login/code?error";
			}
		}
	}

	private boolean expired(PendingSecondFactor pending) {
		return pending.since().plus(PATIENCE).isBefore(this.clock.instant());
	}

	/** Back to the password: the waiting session ends. */
	private String startAgain(HttpServletRequest request, HttpServletResponse response, Authentication pending) {
		new SecurityContextLogoutHandler().logout(request, response, pending);
		return "redirect:/login?expired";
	}

	private static @Nullable PendingSecondFactor pending() {
		return (SecurityContextHolder.getContext().getAuthentication() instanceof PendingSecondFactor pending) ? pending
				: null;
	}

}
