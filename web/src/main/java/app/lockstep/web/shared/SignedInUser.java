package app.lockstep.web.shared;

import java.util.Collection;
import java.util.List;

import app.lockstep.domain.shared.UserId;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person behind a browser session. Roles are per organization, so they are resolved
 * per request.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

	private final UserId id;

	private final String email;

	private final String name;

	private @Nullable String passwordHash;

	private final boolean locked;

	public SignedInUser(UserId id, String email, String name, @Nullable String passwordHash, boolean locked) {
		this.id = id;
		this.email = email;
		this.name = name;
		this.passwordHash = passwordHash;
		this.locked = locked;
	}

	public UserId id() {
		return this.id;
	}

	public String email() {
		return this.email;
	}

	public String name() {
		return this.name;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

}
