package app.lockstep.web.shared;

import org.jspecify.annotations.Nullable;

/**
 * A number as a form field typed it, for a use case that checks its range: empty is null
 * (the use case's default or its "required" message), anything that is not a whole number
 * is -1, which every range refuses with the field's own message.
 */
public final class TypedNumbers {

	private TypedNumbers() {
	}

	public static @Nullable Integer of(String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
