package app.lockstep.web.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Rate limits on the login form, before any password is checked: per client network and
 * per email address (see {@link RateLimits}). A refused attempt is not authenticated at
 * all: it is marked with {@link #RETRY_AFTER} and goes on to {@code POST /login} in the
 * MVC layer, which shows the login page with status 429 and {@code Retry-After}. A
 * successful login gives its allowance back, so people who type their password right are
 * never held up by the limits.
 */
final class LoginRateLimitFilter extends OncePerRequestFilter {

	/** Request attribute: the refused attempt's wait ({@link Duration}). */
	static final String RETRY_AFTER = LoginRateLimitFilter.class.getName() + ".retryAfter";

	static final RequestMatcher LOGIN = pathPattern(HttpMethod.POST, "/login");

	/**
	 * The second step of logging in: a code counts against the client network's login
	 * limit too (the person's own lockout is {@code SecondFactorCheck}'s).
	 */
	static final RequestMatcher CODE = pathPattern(HttpMethod.POST, "/login/code");

	/** The form login processes only attempts this filter let through. */
	static final RequestMatcher ADMITTED_LOGIN = (request) -> LOGIN.matches(request)
			&& request.getAttribute(RETRY_AFTER) == null;

	private final RateLimits limits;

	LoginRateLimitFilter(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (CODE.matches(request)) {
			code(request, response, chain);
			return;
		}
		if (!LOGIN.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		String address = "login:" + ClientAddress.network(request);
		String account = "login:" + accountKey(request.getParameter("username"));
		Optional<Duration> wait = this.limits.loginPerAddress().take(address);
		if (wait.isEmpty()) {
			wait = this.limits.loginPerAccount().take(account);
			if (wait.isPresent()) {
				this.limits.loginPerAddress().giveBack(address);
			}
		}
		if (wait.isPresent()) {
			request.setAttribute(RETRY_AFTER, wait.get());
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(request, response);
		if (signedIn()) {
			this.limits.loginPerAddress().giveBack(address);
			this.limits.loginPerAccount().giveBack(account);
		}
	}

	private void code(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = "login:" + ClientAddress.network(request);
		Optional<Duration> wait = this.limits.loginPerAddress().take(address);
		if (wait.isPresent()) {
			request.setAttribute(RETRY_AFTER, wait.get());
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(request, response);
		if (signedIn() && !app.lockstep.web.account.PendingSecondFactor
			.waiting(SecurityContextHolder.getContext().getAuthentication())) {
			this.limits.loginPerAddress().giveBack(address);
		}
	}

	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/**
	 * A fixed-size key for the typed address (hashed: whatever is typed, the key stays
	 * small, and no address is kept in memory).
	 */
	static String accountKey(String username) {
		String normalized = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
