package app.lockstep.web.shared;

import app.lockstep.domain.shared.RateLimitBuckets;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rate limits of the routes anyone may call without being signed in (each answered
 * 429 with Retry-After once spent; see README, "Security"):
 * <ul>
 * <li>{@code lockstep.rate-limits.login-per-address} (20/5m) and
 * {@code lockstep.rate-limits.login-per-account} (10/15m): login attempts per client
 * network and per email address, whether or not an account has it; a successful login
 * gives its attempt back, so only unsuccessful ones use them up.</li>
 * <li>{@code lockstep.rate-limits.webhooks-per-address} (300/1m) and
 * {@code lockstep.rate-limits.webhooks-per-hook} (60/1m): push webhook deliveries per
 * client network and per hook id.</li>
 * </ul>
 * The buckets live in the database, so each limit holds once across all instances.
 */
@Component
public class RateLimits {

	private final RateLimiter loginPerAddress;

	private final RateLimiter loginPerAccount;

	private final RateLimiter webhooksPerAddress;

	private final RateLimiter webhooksPerHook;

	RateLimits(Clock clock, RateLimitBuckets buckets,
			@Value("${lockstep.rate-limits.login-per-address:20/5m}") String loginPerAddress,
			@Value("${lockstep.rate-limits.login-per-account:10/15m}") String loginPerAccount,
			@Value("${lockstep.rate-limits.webhooks-per-address:300/1m}") String webhooksPerAddress,
			@Value("${lockstep.rate-limits.webhooks-per-hook:60/1m}") String webhooksPerHook) {
		this.loginPerAddress = new RateLimiter("loginPerAddress", RateLimit.parse(loginPerAddress), clock, buckets);
		this.loginPerAccount = new RateLimiter("loginPerAccount", RateLimit.parse(loginPerAccount), clock, buckets);
		this.webhooksPerAddress = new RateLimiter("webhooksPerAddress", RateLimit.parse(webhooksPerAddress), clock,
				buckets);
		this.webhooksPerHook = new RateLimiter("webhooksPerHook", RateLimit.parse(webhooksPerHook), clock, buckets);
	}

	RateLimiter loginPerAddress() {
		return this.loginPerAddress;
	}

	RateLimiter loginPerAccount() {
		return this.loginPerAccount;
	}

	RateLimiter webhooksPerAddress() {
		return this.webhooksPerAddress;
	}

	RateLimiter webhooksPerHook() {
		return this.webhooksPerHook;
	}

	/** Whole seconds for {@code Retry-After}, at least 1. */
	static String retryAfterSeconds(java.time.Duration wait) {
		long seconds = (wait.toMillis() + 999) / 1000;
		return String.valueOf(Math.max(1, seconds));
	}

}
