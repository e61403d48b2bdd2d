package app.lockstep.web.shared;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Refusals on the API before a controller runs. A state-changing call with no credentials
 * at all (no session, no bearer token) is refused by the CSRF check, which comes before
 * authentication; the caller's problem is the missing credentials, so it is a 401 like
 * any other unauthenticated API call, not a 403. Everything else keeps the default
 * handling.
 */
class ApiAccessDeniedHandler implements AccessDeniedHandler {

	private static final RequestMatcher API = pathPattern("/api/**");

	private final ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint();

	private final AccessDeniedHandler denied = new AccessDeniedHandlerImpl();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException failure)
			throws IOException, ServletException {
		if (failure instanceof CsrfException && API.matches(request) && !signedIn()) {
			this.unauthenticated.commence(request, response,
					new InsufficientAuthenticationException("No credentials", failure));
			return;
		}
		// For the error page, which names the reason (such as a missing CSRF token).
		request.setAttribute(WebAttributes.ACCESS_DENIED_403, failure);
		this.denied.handle(request, response, failure);
	}

	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

}
