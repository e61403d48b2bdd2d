package app.lockstep.web.shared;

import app.lockstep.domain.shared.RateLimitBuckets;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (an address, an email, a hook), shared by every instance through
 * the database ({@link RateLimitBuckets}) or, for tools and tests, kept in memory: each
 * key may spend {@link RateLimit#burst()} requests at once and gets one back every
 * {@link RateLimit#refill()}.
 * <p>
 * Memory stays bounded: once more than {@value #SWEEP_ABOVE} keys are kept, the buckets
 * that are full again are forgotten (a forgotten key starts full, which is what a full
 * bucket is); should a flood of distinct keys still leave more than {@value #HARD_LIMIT},
 * all are forgotten.
 */
public final class RateLimiter {

	static final int SWEEP_ABOVE = 50_000;

	static final int HARD_LIMIT = 200_000;

	private final RateLimit limit;

	private final Clock clock;

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final @Nullable Shared shared;

	/** Buckets in the database, shared by every instance, under this limit's name. */
	private record Shared(String name, RateLimitBuckets buckets) {
	}

	public RateLimiter(RateLimit limit, Clock clock) {
		this.limit = limit;
		this.clock = clock;
		this.shared = null;
	}

	/**
	 * A limit that holds once across instances: its buckets live in the database (one
	 * statement per request), named {@code name} so that limits do not share keys.
	 */
	public RateLimiter(String name, RateLimit limit, Clock clock, RateLimitBuckets buckets) {
		this.limit = limit;
		this.clock = clock;
		this.shared = new Shared(name, buckets);
	}

	public RateLimit limit() {
		return this.limit;
	}

	/**
	 * Spends one request of the key's allowance: empty when allowed, otherwise how long
	 * until the next request would be.
	 */
	public Optional<Duration> take(String key) {
		Instant now = this.clock.instant();
		if (this.shared != null) {
			Duration wait = this.shared.buckets()
				.take(this.shared.name() + ":" + key, this.limit.burst(), this.limit.refill(), now);
			return wait.isZero() ? Optional.empty() : Optional.of(wait);
		}
		Duration[] wait = { null };
		this.buckets.compute(key, (k, bucket) -> {
			Bucket current = refilled(bucket, now);
			if (current.tokens() >= 1) {
				return new Bucket(current.tokens() - 1, current.at());
			}
			double missing = 1 - current.tokens();
			wait[0] = Duration.ofNanos((long) Math.ceil(missing * this.limit.refill().toNanos()));
			return current;
		});
		if (this.buckets.size() > SWEEP_ABOVE) {
			sweep(now);
		}
		return Optional.ofNullable(wait[0]);
	}

	/** Gives back a request taken for this key (it turned out not to count). */
	public void giveBack(String key) {
		if (this.shared != null) {
			this.shared.buckets().giveBack(this.shared.name() + ":" + key, this.limit.burst());
			return;
		}
		Instant now = this.clock.instant();
		this.buckets.computeIfPresent(key, (k, bucket) -> {
			Bucket current = refilled(bucket, now);
			double tokens = Math.min(this.limit.burst(), current.tokens() + 1);
			return (tokens >= this.limit.burst()) ? null : new Bucket(tokens, current.at());
		});
	}

	int size() {
		return this.buckets.size();
	}

	private Bucket refilled(Bucket bucket, Instant now) {
		if (bucket == null) {
			return new Bucket(this.limit.burst(), now);
		}
		// A clock set back (tests pin it) refills nothing rather than taking away.
		long elapsed = Math.max(0, Duration.between(bucket.at(), now).toNanos());
		double tokens = Math.min(this.limit.burst(),
				bucket.tokens() + (double) elapsed / this.limit.refill().toNanos());
		return new Bucket(tokens, now.isAfter(bucket.at()) ? now : bucket.at());
	}

	private void sweep(Instant now) {
		this.buckets.entrySet().removeIf((entry) -> refilled(entry.getValue(), now).tokens() >= this.limit.burst());
		if (this.buckets.size() > HARD_LIMIT) {
			this.buckets.clear();
		}
	}

	private record Bucket(double tokens, Instant at) {
	}

}
