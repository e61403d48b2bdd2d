package app.lockstep.web.shared;

import java.security.Principal;

import app.lockstep.domain.access.ApiToken;

/**
 * Who a request authenticated with an API token acts as: the token's creator, limited to
 * the token. {@link OrgAccessInterceptor} turns it into a
 * {@link app.lockstep.domain.access.Caller} in the token's organization only.
 */
public record ApiTokenPrincipal(ApiToken token) implements Principal {

	@Override
	public String getName() {
		return this.token.createdBy().toString();
	}

	@Override
	public String toString() {
		return "ApiTokenPrincipal[" + this.token.prefix() + "…]";
	}

}
