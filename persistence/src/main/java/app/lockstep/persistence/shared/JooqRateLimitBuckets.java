package app.lockstep.persistence.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import app.lockstep.domain.shared.RateLimitBuckets;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.RATE_LIMIT_BUCKETS;

/** One statement per take (migration V13's function), in autocommit. */
@Repository
class JooqRateLimitBuckets implements RateLimitBuckets {

	private final DSLContext dsl;

	JooqRateLimitBuckets(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Duration take(String key, int burst, Duration refill, Instant now) {
		Double wait = this.dsl
			.fetchOne("select lockstep.take_rate_limit(?, ?::float8, ?::float8, ?::timestamptz)", hash(key),
					(double) burst, refill.toNanos() / 1e9, now)
			.get(0, Double.class);
		return (wait == null || wait <= 0) ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(wait * 1e9));
	}

	@Override
	public void giveBack(String key, int burst) {
		this.dsl.execute(
				"update lockstep.rate_limit_buckets set tokens = least(?::float8, tokens + 1) where bucket_key = ?",
				(double) burst, hash(key));
	}

	@Override
	public int forgetIdle(Instant before) {
		return this.dsl.deleteFrom(RATE_LIMIT_BUCKETS).where(RATE_LIMIT_BUCKETS.UPDATED_AT.lt(before)).execute();
	}

	private static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
