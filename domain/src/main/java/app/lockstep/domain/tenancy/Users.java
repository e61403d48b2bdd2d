package app.lockstep.domain.tenancy;

import java.time.Instant;
import java.util.Optional;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import org.jspecify.annotations.Nullable;

/** People: global, not owned by any organization. */
public interface Users {

	Optional<User> findByEmail(String email);

	Optional<User> findById(UserId id);

	/**
	 * Inserts the person; a taken email is a
	 * {@link app.lockstep.domain.shared.ConflictException} on "email". A person who signs
	 * in only through their organization's single sign-on has no password hash.
	 */
	void create(UserId id, String email, String name, @Nullable String passwordHash, Instant at);

	void rememberLastOrganization(UserId id, OrgId org);

}
