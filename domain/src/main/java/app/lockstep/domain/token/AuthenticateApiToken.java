package app.lockstep.domain.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import app.lockstep.domain.shared.Transactions;

/**
 * Finds the token behind a presented secret (by its hash, before the organization is
 * known) and refuses it when it is malformed, unknown, revoked or expired. The time of
 * use is recorded at most once a {@link #USE_RECORDING_INTERVAL minute}, so the hot path
 * is usually a single indexed read.
 */
public final class AuthenticateApiToken {

	public static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);

	private final ApiTokens tokens;

	private final Transactions transactions;

	private final Clock clock;

	public AuthenticateApiToken(ApiTokens tokens, Transactions transactions, Clock clock) {
		this.tokens = tokens;
		this.transactions = transactions;
		this.clock = clock;
	}

	public ApiToken authenticate(String presented) {
		ApiTokenSecret secret = ApiTokenSecret.parse(presented.strip())
			.orElseThrow(() -> new InvalidApiTokenException(
					"This is not a Lockstep API token (they start with " + ApiTokenSecret.MARKER + ")."));
		String hash = secret.hash();
		ApiToken token = this.transactions.forApiToken(hash, () -> this.tokens.findByHash(hash))
			.orElseThrow(() -> new InvalidApiTokenException("This API token is not valid."));
		Instant now = this.clock.instant();
		switch (token.statusAt(now)) {
			case REVOKED -> throw new InvalidApiTokenException("This API token was revoked.");
			case EXPIRED -> throw new InvalidApiTokenException("This API token expired at " + token.expiresAt() + ".");
			case ACTIVE -> {
			}
		}
		Instant since = now.minus(USE_RECORDING_INTERVAL);
		if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(since)) {
			this.transactions.inTenant(token.org(), () -> this.tokens.recordUse(token.org(), token.id(), now, since));
		}
		return token;
	}

}
