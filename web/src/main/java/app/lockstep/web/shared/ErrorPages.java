package app.lockstep.web.shared;

import java.io.IOException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the servlet container's error page, whoever produced it (a
 * filter's refusal, Spring Security's CSRF 403, Spring MVC's 404, 405 and 415, Tomcat's
 * TRACE 405, an exception no handler took): problem+json for API clients (a path under
 * {@code /api/} or an Accept header asking for JSON), the app's own page for browsers,
 * with the protective headers either way and {@code Retry-After} on a 503. A failure that
 * is the client's (a body too large, a database value refused) gets its 4xx instead of a
 * 500.
 */
@Controller
class ErrorPages implements ErrorController {

	private static final String BOOT_ERROR = DefaultErrorAttributes.class.getName() + ".ERROR";

	@RequestMapping("/error")
	@Nullable ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Refusal refusal = refusal(request);
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		SecurityHeaders.addMissing(response);
		String retryAfter = Refusal.retryAfter(refusal.status());
		if (retryAfter != null) {
			response.setHeader("Retry-After", retryAfter);
		}
		response.setStatus(refusal.status());
		if (ProblemJson.wanted(request, path)) {
			response.setContentType(ProblemJson.MEDIA_TYPE);
			response.getOutputStream().write(ProblemJson.bytes(refusal, path));
			return null;
		}
		String view = switch (refusal.status()) {
			case 403 -> "error/403";
			case 404 -> "error/404";
			default -> "error";
		};
		ModelAndView page = new ModelAndView(view, HttpStatus.valueOf(refusal.status()));
		page.addObject("status", refusal.status());
		page.addObject("message", refusal.detail());
		page.addObject("failure", new ErrorPage(refusal.status(), refusal.detail()));
		return page;
	}

	static Refusal refusal(HttpServletRequest request) {
		if (request.getAttribute(Refusal.ATTRIBUTE) instanceof Refusal refusal) {
			return refusal;
		}
		Throwable failure = failure(request);
		Refusal classified = Failures.refusal(failure).orElse(null);
		if (classified != null) {
			return classified;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer number && HttpStatus.resolve(number) != null) ? number : 500;
		return new Refusal(status, detail(status, request));
	}

	private static @Nullable Throwable failure(HttpServletRequest request) {
		Object failure = request.getAttribute(BOOT_ERROR);
		if (failure == null) {
			failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		}
		if (failure == null) {
			// Spring Security's refusals (such as a missing CSRF token) leave their
			// reason here.
			failure = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
		}
		return (failure instanceof Throwable throwable) ? throwable : null;
	}

	static String detail(int status, HttpServletRequest request) {
		return switch (status) {
			case 400 -> "The request could not be read: check the address (its length and percent-encoding), "
					+ "the headers and the body.";
			case 401 -> "Sign in, or send an API token as 'Authorization: Bearer <token>'.";
			case 403 -> "You are not allowed to do this.";
			case 404 -> "Nothing is at this address, or you do not have access to it.";
			case 405 -> "This address does not accept this method; the Allow header lists the ones it does.";
			case 406 -> "This address cannot answer in a format the Accept header allows.";
			case 413 -> "The request body is larger than this address accepts.";
			case 414 -> "The address is too long.";
			case 415 -> "This address does not accept that Content-Type; the API takes application/json.";
			case 431 -> "The request headers are too large.";
			case 503 -> "Lockstep is unavailable for a moment. Try again in a few seconds.";
			default ->
				(status >= 500) ? "An unexpected error happened on our side. It has been logged; please try again."
						: HttpStatus.valueOf(status).getReasonPhrase() + ".";
		};
	}

}
