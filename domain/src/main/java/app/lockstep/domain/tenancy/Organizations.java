package app.lockstep.domain.tenancy;

import java.time.Instant;
import java.util.Optional;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;

/** Organizations. Visible to the unit of work bound to them and to their members. */
public interface Organizations {

	/**
	 * Inserts it; a taken slug is a {@link app.lockstep.domain.shared.ConflictException}
	 * on "slug".
	 */
	void create(Organization organization, Instant at);

	Optional<Organization> findBySlug(String slug);

	Optional<Organization> findById(OrgId id);

	void update(Organization organization);

}
