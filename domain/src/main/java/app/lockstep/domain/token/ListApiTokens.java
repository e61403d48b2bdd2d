package app.lockstep.domain.token;

import java.util.List;

import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

/**
 * The caller's own tokens, newest first; owners and admins (who manage members) see
 * everyone's.
 */
@UseCase
public final class ListApiTokens {

	private final ApiTokens tokens;

	private final Transactions transactions;

	public ListApiTokens(ApiTokens tokens, Transactions transactions) {
		this.tokens = tokens;
		this.transactions = transactions;
	}

	public List<ApiToken> list(Caller caller) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> seesEveryonesTokens(caller)
				? this.tokens.list(caller.orgId()) : this.tokens.listCreatedBy(caller.orgId(), caller.userId()));
	}

	public static boolean seesEveryonesTokens(Caller caller) {
		return caller.can(Permission.MANAGE_MEMBERS);
	}

}
