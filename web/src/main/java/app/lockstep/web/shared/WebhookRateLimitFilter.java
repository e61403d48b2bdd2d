package app.lockstep.web.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on the public push webhooks, per client network and per hook id (see
 * {@link RateLimits}), checked before the request's body is read or the hook looked up: a
 * spent limit answers 429 problem+json with {@code Retry-After}.
 */
final class WebhookRateLimitFilter extends OncePerRequestFilter {

	private static final PathPatternRequestMatcher HOOK = PathPatternRequestMatcher.pathPattern(HttpMethod.POST,
			"/api/v1/hooks/{forge}/{hookId}");

	static final RequestMatcher WEBHOOKS = HOOK;

	private final RateLimits limits;

	WebhookRateLimitFilter(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestMatcher.MatchResult match = HOOK.matcher(request);
		if (!match.isMatch()) {
			chain.doFilter(request, response);
			return;
		}
		String hookId = match.getVariables().getOrDefault("hookId", "");
		String address = "hooks:" + ClientAddress.network(request);
		// Hook ids are 32 characters; anything longer is cut so that keys stay small.
		String hook = "hook:" + hookId.substring(0, Math.min(hookId.length(), 64));
		Optional<Duration> wait = this.limits.webhooksPerAddress().take(address);
		String why = "Too many webhook deliveries from this address";
		if (wait.isEmpty()) {
			wait = this.limits.webhooksPerHook().take(hook);
			why = "Too many deliveries to this webhook";
			if (wait.isPresent()) {
				this.limits.webhooksPerAddress().giveBack(address);
			}
		}
		if (wait.isPresent()) {
			refuse(response, why, wait.get());
			return;
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletResponse response, String why, Duration wait) throws IOException {
		String seconds = RateLimits.retryAfterSeconds(wait);
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, seconds);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"" + why
				+ "; nothing was read or stored. Send it again in " + seconds + " s.\"}")
			.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
