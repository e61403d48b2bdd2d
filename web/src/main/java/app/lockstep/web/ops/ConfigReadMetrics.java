package app.lockstep.web.ops;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the deployers' config reads ({@code GET …/environments/{env}/config}) by format
 * and outcome, so that the share answered 304 Not Modified is visible. Watches the answer
 * only; the read itself is the controller's.
 */
final class ConfigReadMetrics extends OncePerRequestFilter {

	private static final Pattern CONFIG = Pattern
		.compile("^/api/v1/orgs/[^/]+/projects/[^/]+/environments/[^/]+/config/?$");

	private final LockstepMeters meters;

	ConfigReadMetrics(LockstepMeters meters) {
		this.meters = meters;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !CONFIG.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			String format = request.getParameter("format");
			int status = response.getStatus();
			String outcome = (status == HttpServletResponse.SC_NOT_MODIFIED) ? "not_modified"
					: (status >= 200 && status < 300) ? "sent" : "refused";
			this.meters.configRead((format != null) ? format.toLowerCase(Locale.ROOT) : "json", outcome);
		}
	}

}
