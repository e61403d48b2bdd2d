package app.lockstep.web.ops;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.web.shared.ApiTokenPrincipal;
import app.lockstep.web.shared.SignedInUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The diagnostic context of every log line written while a request is handled, so that
 * JSON logs ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} or {@code logstash}) can be
 * searched by request, organization and actor:
 * <ul>
 * <li>{@code requestId}: the caller's {@code X-Request-Id} when it is a plain token of up
 * to 64 characters, otherwise a new one; echoed in the answer's
 * {@code X-Request-Id};</li>
 * <li>{@code organization}: the slug the path names ({@code /orgs/{org}/…},
 * {@code /api/v1/orgs/{org}/…});</li>
 * <li>{@code actor}: {@code user:<id>} for a session, {@code token:<id>} (and the user it
 * acts as) for an API token.</li>
 * </ul>
 * Never a secret: no header value other than the request id, no query string, no token
 * secret, no email address. With
 * {@code logging.level.app.lockstep.web.ops.RequestLog=debug} each request also ends with
 * one line naming the route's pattern (not the path, which can hold an invitation token
 * or a hook id), the status and the duration.
 */
final class LogContext {

	static final String REQUEST_ID = "requestId";

	static final String ORGANIZATION = "organization";

	static final String ACTOR = "actor";

	static final String HEADER = "X-Request-Id";

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final Pattern ORG = Pattern.compile("^/(?:api/v1/)?orgs/([a-z0-9][a-z0-9-]{0,62})(?:/|$)");

	private static final Logger requestLog = LoggerFactory.getLogger("app.lockstep.web.ops.RequestLog");

	private LogContext() {
	}

	/**
	 * First of all filters: the request id and the organization, cleared when the request
	 * is done.
	 */
	static final class RequestIdFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String given = request.getHeader(HEADER);
			String requestId = (given != null && SAFE_ID.matcher(given).matches()) ? given
					: UUID.randomUUID().toString();
			long started = System.nanoTime();
			MDC.put(REQUEST_ID, requestId);
			Matcher org = ORG.matcher(request.getRequestURI());
			if (org.find()) {
				MDC.put(ORGANIZATION, org.group(1));
			}
			response.setHeader(HEADER, requestId);
			try {
				chain.doFilter(request, response);
			}
			finally {
				if (requestLog.isDebugEnabled()) {
					Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
					requestLog.debug("{} {} {} {} ms", request.getMethod(), (pattern != null) ? pattern : "(no route)",
							response.getStatus(), (System.nanoTime() - started) / 1_000_000);
				}
				for (String key : List.of(REQUEST_ID, ORGANIZATION, ACTOR)) {
					MDC.remove(key);
				}
			}
		}

		@Override
		protected boolean shouldNotFilterAsyncDispatch() {
			return false;
		}

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return true;
		}

	}

	/** After Spring Security: who the request acts as. */
	static final class ActorFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String actor = actor(SecurityContextHolder.getContext().getAuthentication());
			if (actor != null) {
				MDC.put(ACTOR, actor);
			}
			chain.doFilter(request, response);
		}

	}

	static @Nullable String actor(@Nullable Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return null;
		}
		Object principal = authentication.getPrincipal();
		if (principal instanceof ApiTokenPrincipal token) {
			return "token:" + token.token().id() + " user:" + token.token().createdBy();
		}
		if (principal instanceof SignedInUser user) {
			return "user:" + user.id().value();
		}
		if ("metrics-scraper".equals(principal)) {
			return "metrics-scraper";
		}
		return null;
	}

}
