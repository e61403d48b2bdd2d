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
	 * The invitation with this token hash (needs a unit of work bound to that token or
	 * its organization).
	 */
	Optional<Invitation> findByTokenHash(String tokenHash);

	Optional<Invitation> find(OrgId org, UUID id);

	List<Invitation> pending(OrgId org, Instant now);

	void markAccepted(OrgId org, UUID id, UserId user, Instant at);

	void markRevoked(OrgId org, UUID id, Instant at);

}
