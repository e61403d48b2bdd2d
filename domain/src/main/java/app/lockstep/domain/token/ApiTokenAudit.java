package app.lockstep.domain.token;

import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.audit.AuditEntry;

/**
 * The audit entry of a token: its name, scopes, project, environment and expiry, never
 * its secret or the secret's hash.
 */
final class ApiTokenAudit {

	private ApiTokenAudit() {
	}

	static AuditEntry.Builder entry(String action, ApiToken token) {
		return AuditEntry.of(action, "token", token.id().toString())
			.project(token.projectSlug())
			.environment(token.environmentName())
			.detail("name", token.name())
			.detail("prefix", token.prefix())
			.detail("scopes", String.join(" ", token.scopeValues()))
			.detail("project", token.projectSlug())
			.detail("environment", token.environmentName())
			.detail("expiresAt", (token.expiresAt() != null) ? token.expiresAt().toString() : null);
	}

}
