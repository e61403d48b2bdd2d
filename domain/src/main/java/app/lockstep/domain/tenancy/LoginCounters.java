package app.lockstep.domain.tenancy;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Login attempts per email address (by the address's key, never the address itself), each
 * change one atomic statement, so that concurrent attempts are all counted.
 */
public interface LoginCounters {

	/**
	 * Counts one more attempt for the key. When the key is locked at {@code now}, nothing
	 * changes; when its lock has expired, counting starts again at 1; when this attempt
	 * is beyond {@code max} unsuccessful ones in a row (attempts still being checked
	 * count too), the key is locked until {@code now + lock}.
	 * @return until when the key is locked, or null when this attempt may be checked
	 */
	@Nullable Instant admit(String key, Instant now, int max, Duration lock);

	/**
	 * Records that an admitted attempt failed: once {@code max} attempts in a row have,
	 * the key is locked until {@code now + lock}.
	 * @return until when the key is locked, or null when it is not
	 */
	@Nullable Instant failed(String key, Instant now, int max, Duration lock);

	/** A successful login: the key starts afresh. */
	void succeeded(String key);

	/** Forgets keys neither touched since {@code before} nor locked at {@code now}. */
	int forget(Instant before, Instant now);

}
