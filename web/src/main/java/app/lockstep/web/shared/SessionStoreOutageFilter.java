package app.lockstep.web.shared;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions live in the database, so while it cannot be reached even finding a request's
 * session fails, before any controller runs, and again on the error page's own dispatch.
 * This filter, outside Spring Session's, turns that failure into the app's 503 (page or
 * problem+json, with Retry-After) by forwarding to the error page, a dispatch that does
 * not look the session up.
 */
class SessionStoreOutageFilter extends OncePerRequestFilter {

	/**
	 * Just before Spring Session's repository filter ({@code Integer.MIN_VALUE + 50}).
	 */
	static final int ORDER = Integer.MIN_VALUE + 40;

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!Failures.databaseUnavailable(ex) || response.isCommitted()) {
				throw ex;
			}
			Refusal refusal = Failures.refusal(ex).orElseThrow();
			response.resetBuffer();
			request.setAttribute(Refusal.ATTRIBUTE, refusal);
			if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null) {
				request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
			}
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, refusal.status());
			// The CSRF token of this request is read from its session: the error page
			// does
			// without one.
			request.removeAttribute("_csrf");
			request.removeAttribute(CsrfToken.class.getName());
			request.getRequestDispatcher("/error").forward(request, response);
		}
	}

}
