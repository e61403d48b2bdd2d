package app.lockstep.domain.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;

/** API tokens of organizations. */
public interface ApiTokens {

	/** Inserts the token with the hash of its secret. */
	void add(ApiToken token, String tokenHash);

	/**
	 * The token with this secret hash (needs a unit of work bound to that hash, see
	 * {@link app.lockstep.domain.shared.Transactions#forApiToken}).
	 */
	Optional<ApiToken> findByHash(String tokenHash);

	Optional<ApiToken> find(OrgId org, UUID id);

	/** Every token of the organization, newest first. */
	List<ApiToken> list(OrgId org);

	/** The tokens this person created in the organization, newest first. */
	List<ApiToken> listCreatedBy(OrgId org, UserId user);

	/**
	 * Revokes the token unless it is revoked already; whether this call revoked it (of
	 * concurrent calls, exactly one does).
	 */
	boolean markRevoked(OrgId org, UUID id, Instant at);

	/**
	 * Records a use at {@code at} unless one was recorded at or after
	 * {@code unlessUsedSince}; whether it wrote.
	 */
	boolean recordUse(OrgId org, UUID id, Instant at, Instant unlessUsedSince);

}
