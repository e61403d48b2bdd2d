package app.lockstep.web.token.api;

import java.util.List;

import app.lockstep.domain.token.CreateApiToken;
import org.jspecify.annotations.Nullable;

/**
 * The body of POST on tokens: a name, the scopes ({@code ["config:read"]}), optionally a
 * project and one of its environments, and the days until it expires (1 to 365; 90 when
 * absent).
 */
record TokenRequest(@Nullable String name, @Nullable List<String> scopes, @Nullable String project,
		@Nullable String environment, @Nullable Integer expiresInDays) {

	CreateApiToken.Input toInput() {
		return new CreateApiToken.Input(this.name, this.scopes, this.project, this.environment, this.expiresInDays);
	}

}
