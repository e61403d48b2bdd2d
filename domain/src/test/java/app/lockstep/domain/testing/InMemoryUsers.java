package app.lockstep.domain.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.tenancy.User;
import app.lockstep.domain.tenancy.Users;
import org.jspecify.annotations.Nullable;

/**
 * People, as {@code JooqUsers} keeps them: unique email; registered with the members fake
 * too, so they can join organizations (the foreign key).
 */
public final class InMemoryUsers implements Users {

	private final Map<UserId, User> byId = new LinkedHashMap<>();

	private final InMemoryMembers members;

	public InMemoryUsers(InMemoryMembers members) {
		this.members = members;
	}

	@Override
	public Optional<User> findByEmail(String email) {
		return this.byId.values().stream().filter((user) -> user.email().equals(email)).findFirst();
	}

	@Override
	public Optional<User> findById(UserId id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	@Override
	public void create(UserId id, String email, String name, @Nullable String passwordHash, Instant at) {
		if (findByEmail(email).isPresent()) {
			throw new ConflictException("email", "An account with " + email + " already exists. Log in instead.");
		}
		this.byId.put(id, new User(id, email, name, passwordHash, null));
		this.members.person(id, email, name);
	}

	@Override
	public void rememberLastOrganization(UserId id, OrgId org) {
		User user = this.byId.get(id);
		if (user != null) {
			this.byId.put(id, new User(id, user.email(), user.name(), user.passwordHash(), org));
		}
	}

}
