package app.lockstep.domain.sso;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** The one rule for what an email domain looks like, and an address's domain. */
public final class SsoDomains {

	private static final java.util.regex.Pattern DOMAIN = java.util.regex.Pattern
		.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");

	private SsoDomains() {
	}

	/** The domain, lower case and without surrounding spaces or a trailing dot. */
	public static String normalize(@Nullable String domain) {
		String value = (domain != null) ? domain.strip().toLowerCase(Locale.ROOT) : "";
		return value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
	}

	public static boolean valid(String domain) {
		return domain.length() <= 253 && DOMAIN.matcher(domain).matches();
	}

	/**
	 * The domain of a normalized address (after its last {@code @}); empty without one.
	 */
	public static String ofEmail(String email) {
		int at = email.lastIndexOf('@');
		return (at < 0) ? "" : email.substring(at + 1);
	}

}
