package app.lockstep.domain.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.shared.InstanceCache;
import app.lockstep.domain.shared.InstanceCaches;
import org.jspecify.annotations.Nullable;

import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;

/**
 * Finds the token behind a presented secret (by its hash, before the organization is
 * known) and refuses it when it is malformed, unknown, revoked or expired. The time of
 * use is recorded at most once a {@link #USE_RECORDING_INTERVAL minute}, so the hot path
 * is usually a single indexed read.
 */
@UseCase
public final class AuthenticateApiToken {

	public static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);

	private final ApiTokens tokens;

	private final Transactions transactions;

	private final Clock clock;

	private final InstanceCache<String, ApiToken> cache;

	/**
	 * When this instance last recorded each token's use (the cached token's is stale).
	 */
	private final Map<UUID, Instant> recordedUse = new ConcurrentHashMap<>();

	/**
	 * With a cache of tokens by hash ({@link InstanceCaches#NONE} for none): a revoked,
	 * expired-early or deleted token leaves it through the database's invalidations
	 * (expiry itself is checked on every request).
	 */
	public AuthenticateApiToken(ApiTokens tokens, Transactions transactions, Clock clock, InstanceCaches caches) {
		this.tokens = tokens;
		this.transactions = transactions;
		this.clock = clock;
		this.cache = caches.create("api-tokens", 100_000, InstanceCaches.TOKENS);
	}

	public ApiToken authenticate(String presented) {
		ApiTokenSecret secret = ApiTokenSecret.parse(presented.strip())
			.orElseThrow(() -> new InvalidApiTokenException(
					"This is not a Lockstep API token (they start with " + ApiTokenSecret.MARKER + ")."));
		String hash = secret.hash();
		ApiToken token = this.cache
			.get(hash, () -> this.transactions.forApiToken(hash, () -> this.tokens.findByHash(hash)), ApiToken::org)
			.orElseThrow(() -> new InvalidApiTokenException("This API token is not valid."));
		Instant now = this.clock.instant();
		switch (token.statusAt(now)) {
			case REVOKED -> throw new InvalidApiTokenException("This API token was revoked.");
			case EXPIRED -> throw new InvalidApiTokenException("This API token expired at " + token.expiresAt() + ".");
			case ACTIVE -> {
			}
		}
		Instant since = now.minus(USE_RECORDING_INTERVAL);
		Instant lastUsed = latest(token.lastUsedAt(), this.recordedUse.get(token.id()));
		if (lastUsed == null || lastUsed.isBefore(since)) {
			this.transactions.inTenant(token.org(), () -> this.tokens.recordUse(token.org(), token.id(), now, since));
			if (this.recordedUse.size() > 100_000) {
				this.recordedUse.clear();
			}
			this.recordedUse.put(token.id(), now);
		}
		return token;
	}

	/**
	 * The token behind the secret when this instance holds it in a trusted cache, it is
	 * active now and its use needs no recording; empty means "ask {@link #authenticate}"
	 * (which refuses, loads or records), never "refused".
	 */
	public Optional<ApiToken> cachedActive(String presented) {
		Optional<ApiTokenSecret> secret = ApiTokenSecret.parse(presented.strip());
		if (secret.isEmpty()) {
			return Optional.empty();
		}
		Optional<ApiToken> cached = this.cache.peek(secret.get().hash());
		if (cached.isEmpty()) {
			return Optional.empty();
		}
		ApiToken token = cached.get();
		Instant now = this.clock.instant();
		if (token.statusAt(now) != ApiToken.Status.ACTIVE) {
			return Optional.empty();
		}
		Instant lastUsed = latest(token.lastUsedAt(), this.recordedUse.get(token.id()));
		if (lastUsed == null || lastUsed.isBefore(now.minus(USE_RECORDING_INTERVAL))) {
			return Optional.empty();
		}
		return Optional.of(token);
	}

	private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

}
