package app.lockstep.web.shared;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/** What the login page needs to know about an attempt the rate limits refused. */
public final class LoginRateLimits {

	private LoginRateLimits() {
	}

	/** How long the refused attempt must wait, or null when it was not refused. */
	public static @Nullable Duration refusedFor(HttpServletRequest request) {
		return (request.getAttribute(LoginRateLimitFilter.RETRY_AFTER) instanceof Duration wait) ? wait : null;
	}

	public static String retryAfterSeconds(Duration wait) {
		return RateLimits.retryAfterSeconds(wait);
	}

}
