package app.lockstep.domain.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import app.lockstep.domain.shared.FieldError;

/** The rules for the variables of a config, reported per field. */
public final class Variables {

	public static final int MAX_COUNT = 500;

	public static final int MAX_NAME_LENGTH = 128;

	public static final int MAX_VALUE_BYTES = 32 * 1024;

	private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

	private Variables() {
	}

	public static List<FieldError> validate(List<Variable> variables) {
		List<FieldError> errors = new ArrayList<>();
		if (variables.size() > MAX_COUNT) {
			errors.add(new FieldError("variables",
					"Keep it to " + MAX_COUNT + " variables or fewer; there are " + variables.size()));
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < variables.size(); i++) {
			Variable variable = variables.get(i);
			String field = "variables[" + i + "]";
			String name = variable.name();
			if (name.isEmpty()) {
				errors.add(new FieldError(field + ".name", "Enter a name"));
			}
			else if (name.length() > MAX_NAME_LENGTH) {
				errors.add(new FieldError(field + ".name", "Keep it to " + MAX_NAME_LENGTH + " characters or fewer"));
			}
			else if (!NAME.matcher(name).matches()) {
				errors.add(new FieldError(field + ".name",
						"Use letters, digits and underscores, not starting with a digit"));
			}
			else if (!seen.add(name)) {
				errors.add(new FieldError(field + ".name", "Defined twice"));
			}
			if (variable.value().getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
				errors.add(new FieldError(field + ".value",
						"Keep the value to " + MAX_VALUE_BYTES / 1024 + " KiB or less"));
			}
		}
		return errors;
	}

}
