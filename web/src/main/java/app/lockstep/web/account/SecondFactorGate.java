package app.lockstep.web.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponseHeader;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Keeps a session that still waits for its second factor ({@link PendingSecondFactor}) on
 * the code page: any other address is answered with a redirect there (for htmx, an
 * {@code HX-Redirect}; for the API, 401). Only the code page, logging in again, logging
 * out, static files and the error page are let through. The authorization rules refuse
 * such a session everywhere else too; this filter makes the refusal a way forward.
 */
public final class SecondFactorGate extends OncePerRequestFilter {

	/** The second step of logging in. */
	public static final String CODE_PAGE = "/login/code";

	private static final RequestMatcher ALLOWED = new OrRequestMatcher(pathPattern(CODE_PAGE), pathPattern("/login"),
			pathPattern("/logout"), pathPattern("/css/**"), pathPattern("/js/**"), pathPattern("/img/**"),
			pathPattern("/webjars/**"), pathPattern("/favicon.ico"), pathPattern("/error"));

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!PendingSecondFactor.waiting(SecurityContextHolder.getContext().getAuthentication())
				|| ALLOWED.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		String codePage = request.getContextPath() + CODE_PAGE;
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.sendError(HttpStatus.UNAUTHORIZED.value());
		}
		else if (HtmxRequest.fromRequest(request).isHtmxRequest()) {
			response.setHeader(HtmxResponseHeader.HX_REDIRECT.getValue(), codePage);
			response.setStatus(HttpStatus.NO_CONTENT.value());
		}
		else {
			response.sendRedirect(codePage);
		}
	}

}
