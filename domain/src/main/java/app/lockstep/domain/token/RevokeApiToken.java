package app.lockstep.domain.token;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

/**
 * Revokes a token so it stops working at once. Members revoke their own tokens; those who
 * manage members (owners, admins) revoke anyone's. Someone else's token is, to everyone
 * else, not there (404).
 */
@UseCase
public final class RevokeApiToken {

	private final ApiTokens tokens;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public RevokeApiToken(ApiTokens tokens, AuditLog auditLog, Transactions transactions, Clock clock) {
		this.tokens = tokens;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public ApiToken revoke(Caller caller, UUID id) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			ApiToken token = this.tokens.find(caller.orgId(), id)
				.filter((found) -> found.createdBy().equals(caller.userId()) || caller.can(Permission.MANAGE_MEMBERS))
				.orElseThrow(() -> new NotFoundException("No such API token."));
			if (token.revokedAt() != null) {
				throw new ConflictException("The token \"" + token.name() + "\" was already revoked.");
			}
			Instant now = this.clock.instant();
			// Conditional: of concurrent revocations one revokes (and is audited), the
			// others find it revoked.
			if (!this.tokens.markRevoked(caller.orgId(), id, now)) {
				throw new ConflictException("The token \"" + token.name() + "\" was already revoked.");
			}
			AuditEntry.Builder entry = ApiTokenAudit.entry("token.revoked", token);
			if (!token.createdBy().equals(caller.userId())) {
				entry.detail("createdBy", token.createdByName());
			}
			this.auditLog.append(caller.orgId(), caller.actor(), entry.build());
			return token.withRevokedAt(now);
		});
	}

}
