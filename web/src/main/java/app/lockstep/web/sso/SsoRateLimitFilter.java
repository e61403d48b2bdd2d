package app.lockstep.web.sso;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import app.lockstep.domain.shared.RateLimitBuckets;
import app.lockstep.web.shared.ClientAddress;
import app.lockstep.web.shared.RateLimit;
import app.lockstep.web.shared.RateLimiter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Starting a single sign-on and returning from the provider cost a lookup, and a return
 * also a request to the provider: per client network (an IPv4 address, an IPv6 /64) they
 * are limited ({@code lockstep.rate-limits.sso-per-address}, 60 then one a second by
 * default), in the database like the other limits. Over it, the request is not handled:
 * 429 with {@code Retry-After}, on the application's error page. Not a bean (it would
 * also become a servlet filter of its own): {@link SsoLogin} adds it to the browser
 * chain.
 */
final class SsoRateLimitFilter extends OncePerRequestFilter {

	static final RequestMatcher SSO = new OrRequestMatcher(pathPattern(HttpMethod.POST, SsoLogin.PAGE),
			pathPattern(HttpMethod.GET, "/oauth2/authorization/*"),
			pathPattern(HttpMethod.GET, SsoClientRegistrations.CALLBACK + "*"));

	private final RateLimiter perAddress;

	SsoRateLimitFilter(Clock clock, RateLimitBuckets buckets, String perAddress) {
		this.perAddress = new RateLimiter("ssoPerAddress", RateLimit.parse(perAddress), clock, buckets);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !SSO.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> wait = this.perAddress.take("sso:" + ClientAddress.network(request));
		if (wait.isPresent()) {
			long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			response.sendError(429, "Too many single sign-on attempts from your network. Wait " + seconds
					+ " seconds, then try again.");
			return;
		}
		chain.doFilter(request, response);
	}

}
