package app.lockstep.domain.tenancy;

/** Hashes passwords with a modern adaptive hash. */
public interface PasswordHasher {

	String hash(String rawPassword);

}
