package app.lockstep.domain.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import app.lockstep.domain.tenancy.LoginCounters;
import org.jspecify.annotations.Nullable;

/** {@link LoginCounters} in a map, following the adapter's SQL step by step. */
public final class InMemoryLoginCounters implements LoginCounters {

	private final Map<String, Row> rows = new HashMap<>();

	private static final class Row {

		int attempts;

		@Nullable Instant lockedUntil;

		Instant updatedAt;

		Row(Instant updatedAt) {
			this.updatedAt = updatedAt;
		}

	}

	@Override
	public synchronized @Nullable Instant admit(String key, Instant now, int max, Duration lock) {
		Row row = this.rows.get(key);
		if (row == null) {
			row = new Row(now);
			row.attempts = 1;
			this.rows.put(key, row);
		}
		else if (row.lockedUntil != null && row.lockedUntil.isAfter(now)) {
			// still locked: unchanged
		}
		else if (row.lockedUntil != null) {
			row.attempts = 1;
			row.lockedUntil = null;
		}
		else {
			row.attempts++;
			row.lockedUntil = (row.attempts > max) ? now.plus(lock) : null;
		}
		row.updatedAt = now;
		return lockedAt(row.lockedUntil, now);
	}

	@Override
	public synchronized @Nullable Instant failed(String key, Instant now, int max, Duration lock) {
		Row row = this.rows.get(key);
		if (row == null) {
			return null;
		}
		if (row.attempts >= max && (row.lockedUntil == null || !row.lockedUntil.isAfter(now))) {
			row.lockedUntil = now.plus(lock);
		}
		row.updatedAt = now;
		return lockedAt(row.lockedUntil, now);
	}

	@Override
	public synchronized void succeeded(String key) {
		this.rows.remove(key);
	}

	@Override
	public synchronized int forget(Instant before, Instant now) {
		int before0 = this.rows.size();
		this.rows.values()
			.removeIf((row) -> row.updatedAt.isBefore(before)
					&& (row.lockedUntil == null || !row.lockedUntil.isAfter(now)));
		return before0 - this.rows.size();
	}

	private static @Nullable Instant lockedAt(@Nullable Instant lockedUntil, Instant now) {
		return (lockedUntil != null && lockedUntil.isAfter(now)) ? lockedUntil : null;
	}

}
