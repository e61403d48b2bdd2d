package app.lockstep.web.token;

import java.time.Clock;

import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.token.ApiTokens;
import app.lockstep.domain.token.AuthenticateApiToken;
import app.lockstep.domain.shared.InstanceCaches;
import app.lockstep.domain.token.CreateApiToken;
import app.lockstep.domain.token.ListApiTokens;
import app.lockstep.domain.token.RevokeApiToken;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the API token use cases to their ports (beside the feature, like
 * {@code shared.UseCases} does for the others).
 */
@Configuration(proxyBeanMethods = false)
class TokenUseCases {

	@Bean
	CreateApiToken createApiToken(ApiTokens tokens, Projects projects, Environments environments, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		return new CreateApiToken(tokens, projects, environments, auditLog, transactions, clock);
	}

	@Bean
	RevokeApiToken revokeApiToken(ApiTokens tokens, AuditLog auditLog, Transactions transactions, Clock clock) {
		return new RevokeApiToken(tokens, auditLog, transactions, clock);
	}

	@Bean
	ListApiTokens listApiTokens(ApiTokens tokens, Transactions transactions) {
		return new ListApiTokens(tokens, transactions);
	}

	@Bean
	AuthenticateApiToken authenticateApiToken(ApiTokens tokens, Transactions transactions, Clock clock,
			InstanceCaches caches) {
		return new AuthenticateApiToken(tokens, transactions, clock, caches);
	}

}
