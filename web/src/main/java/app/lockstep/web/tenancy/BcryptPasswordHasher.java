package app.lockstep.web.tenancy;

import app.lockstep.domain.tenancy.PasswordHasher;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The domain's password hashing port on Spring Security's delegating encoder (bcrypt,
 * upgradable by prefix).
 */
@Component
class BcryptPasswordHasher implements PasswordHasher {

	private final PasswordEncoder encoder;

	BcryptPasswordHasher(PasswordEncoder encoder) {
		this.encoder = encoder;
	}

	@Override
	public String hash(String rawPassword) {
		String hash = this.encoder.encode(rawPassword);
		if (hash == null) {
			throw new IllegalStateException("The password encoder returned no hash");
		}
		return hash;
	}

	@Override
	public boolean matches(String rawPassword, String hash) {
		return this.encoder.matches(rawPassword, hash);
	}

}
