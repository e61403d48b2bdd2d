package app.lockstep.web.token.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.token.CreateApiToken;
import org.jspecify.annotations.Nullable;

/**
 * The answer to creating a token: the only time its secret ({@code token}) is ever shown.
 */
record CreatedTokenJson(UUID id, String token, String name, String prefix, List<String> scopes,
		@Nullable String project, @Nullable String environment, @Nullable Instant expiresAt) {

	static CreatedTokenJson of(CreateApiToken.Issued issued) {
		ApiToken token = issued.token();
		return new CreatedTokenJson(token.id(), issued.secret().value(), token.name(), token.prefix(),
				token.scopeValues(), token.projectSlug(), token.environmentName(), token.expiresAt());
	}

}
