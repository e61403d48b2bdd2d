package app.lockstep.domain.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;

public interface Invitations {

	void add(Invitation invitation, String tokenHash);

	/**
	 * Until the transaction ends, makes every other transaction that asks for the same
	 * organization and email wait here, so that checking for a pending invitation and
	 * adding one cannot interleave.
	 */
	void lockEmail(OrgId org, String email);

	/**
	 * The invitation with this token hash (needs a unit of work bound to that token or
	 * its organization).
	 */
	Optional<Invitation> findByTokenHash(String tokenHash);

	Optional<Invitation> find(OrgId org, UUID id);

	List<Invitation> pending(OrgId org, Instant now);

	/**
	 * Marks the invitation accepted unless it was accepted or revoked already; whether
	 * this call did (of concurrent calls, at most one does).
	 */
	boolean markAccepted(OrgId org, UUID id, UserId user, Instant at);

	/**
	 * Marks the invitation revoked unless it was accepted or revoked already; whether
	 * this call did (of concurrent calls, at most one does).
	 */
	boolean markRevoked(OrgId org, UUID id, Instant at);

}
