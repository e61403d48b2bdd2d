package app.lockstep.web.token.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.lockstep.domain.access.ApiToken;
import org.jspecify.annotations.Nullable;

/** A token as lists show it: never its secret, only the prefix to recognise it by. */
record TokenJson(UUID id, String name, String prefix, List<String> scopes, @Nullable String project,
		@Nullable String environment, String createdBy, Instant createdAt, @Nullable Instant lastUsedAt,
		@Nullable Instant expiresAt, @Nullable Instant revokedAt, String status) {

	static TokenJson of(ApiToken token, Instant now) {
		return new TokenJson(token.id(), token.name(), token.prefix(), token.scopeValues(), token.projectSlug(),
				token.environmentName(), token.createdByName(), token.createdAt(), token.lastUsedAt(),
				token.expiresAt(), token.revokedAt(), token.statusAt(now).name().toLowerCase(Locale.ROOT));
	}

}
