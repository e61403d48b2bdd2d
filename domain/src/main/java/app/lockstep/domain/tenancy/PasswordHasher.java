package app.lockstep.domain.tenancy;

/** Hashes passwords with a modern adaptive hash. */
public interface PasswordHasher {

	String hash(String rawPassword);

	/** Whether the password is the one this hash was made of. */
	boolean matches(String rawPassword, String hash);

}
