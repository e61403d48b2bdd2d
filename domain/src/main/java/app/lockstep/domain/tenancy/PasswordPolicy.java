package app.lockstep.domain.tenancy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be: long enough, not on the list of commonly used passwords, not
 * the email address.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 200;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	/** The problem with this password, or empty when it is acceptable. */
	public static Optional<String> problem(String password, String email) {
		if (password.length() < MIN_LENGTH) {
			return Optional.of("Use at least " + MIN_LENGTH + " characters.");
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("Keep it to " + MAX_LENGTH + " characters or fewer.");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower)) {
			return Optional.of("This password is on the list of commonly used passwords; choose another.");
		}
		if (!email.isBlank() && lower.equals(email.toLowerCase(Locale.ROOT))) {
			return Optional.of("Do not use your email address as your password.");
		}
		return Optional.empty();
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("common-passwords.txt is missing from the domain module");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			reader.lines().map(String::strip).filter((line) -> !line.isEmpty()).forEach(words::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}
