package app.lockstep.domain.shared;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Collects field errors so that one submission reports every problem at once. */
public final class Validation {

	private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	private final List<FieldError> errors = new ArrayList<>();

	public Validation slug(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return add(field, "Enter a slug: lowercase letters, digits and dashes, for example \"my-shop\".");
		}
		if (value.length() > 40) {
			return add(field, "Keep it to 40 characters or fewer.");
		}
		if (!SLUG.matcher(value).matches()) {
			return add(field,
					"Use lowercase letters, digits and single dashes only, starting and ending with a letter or digit (for example \"my-shop\").");
		}
		return this;
	}

	public Validation required(String field, @Nullable String value, String what, int maxLength) {
		if (value == null || value.isBlank()) {
			return add(field, "Enter " + what + ".");
		}
		if (value.length() > maxLength) {
			return add(field, "Keep it to " + maxLength + " characters or fewer.");
		}
		return this;
	}

	public Validation optional(String field, @Nullable String value, int maxLength) {
		if (value != null && value.length() > maxLength) {
			return add(field, "Keep it to " + maxLength + " characters or fewer.");
		}
		return this;
	}

	public Validation timeZone(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return add(field, "Choose a time zone, for example Europe/Paris.");
		}
		try {
			ZoneId.of(value);
		}
		catch (DateTimeException ex) {
			return add(field, "\"" + value + "\" is not a time zone we know; use a region name such as Europe/Paris.");
		}
		return this;
	}

	public Validation email(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return add(field, "Enter an email address.");
		}
		if (value.length() > 254 || !value.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
			return add(field, "\"" + value + "\" does not look like an email address.");
		}
		return this;
	}

	/**
	 * A switch a PUT must state ({@code "enabled": true} or {@code false}): a missing one
	 * is a field error, not a guess.
	 */
	public static boolean requiredSwitch(@Nullable Boolean value, String field) {
		if (value == null) {
			throw new ValidationException(field, "Say whether it is on: \"" + field + "\": true or false.");
		}
		return value;
	}

	public Validation check(boolean ok, String field, String message) {
		return ok ? this : add(field, message);
	}

	public Validation add(String field, String message) {
		if (this.errors.stream().noneMatch((error) -> error.field().equals(field))) {
			this.errors.add(new FieldError(field, message));
		}
		return this;
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty();
	}

	public void throwIfInvalid() {
		if (hasErrors()) {
			throw new ValidationException(this.errors);
		}
	}

	public static boolean isTimeZone(String value) {
		try {
			ZoneId.of(value);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	/** An absolute http(s) URL with a host, at most 2000 characters. */
	public static boolean isWebAddress(String value) {
		try {
			java.net.URI uri = new java.net.URI(value);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
					&& value.length() <= 2000;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

}
