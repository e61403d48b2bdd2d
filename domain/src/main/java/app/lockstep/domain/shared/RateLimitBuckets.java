package app.lockstep.domain.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * Token buckets shared by every instance (in the database), so that a limit holds once
 * across instances rather than once per instance.
 */
public interface RateLimitBuckets {

	/**
	 * Takes one request from the bucket (full with {@code burst} when new, one back every
	 * {@code refill}): {@link Duration#ZERO} when allowed, else how long until the next
	 * request would be.
	 */
	Duration take(String key, int burst, Duration refill, Instant now);

	/** Gives one request back (it turned out not to count). */
	void giveBack(String key, int burst);

	/** Forgets buckets untouched since then (they would be full again); how many. */
	int forgetIdle(Instant before);

}
