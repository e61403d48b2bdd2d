package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes variables as a .env file that reads back exactly, and never runs anything when
 * sourced. Each reader decodes quotes its own way, so each value gets the quoting that
 * every reader of the dialect decodes to the same text:
 * <ul>
 * <li>{@link Dialect#PORTABLE}: POSIX sh ({@code set -a; . ./.env}), Docker Compose
 * {@code env_file} and python-dotenv with {@code interpolate=False}. Single quotes where
 * the value allows (no reader expands anything inside them), else double quotes with
 * {@code \\} and {@code \"} escaped (only for values without {@code $} or backticks,
 * which sh would expand). A value no quoting serves for all of them (a carriage return,
 * which python-dotenv's text-mode reading turns into a newline; {@code $} or a backtick
 * together with a single quote or {@code \\}; a trailing backslash) is refused, named,
 * rather than written wrong.</li>
 * <li>{@link Dialect#PYTHON_DOTENV}: python-dotenv with its default interpolation, which
 * expands {@code ${X}} in any quotes and has no escape for it: {@code ${} is written as
 * {@code ${=:-${}}, an expansion of a variable that cannot exist ("=") defaulting to the
 * text {@code ${}.</li>
 * </ul>
 * See docs/decisions/0011-dotenv-output.md.
 */
public final class DotenvFile {

	public enum Dialect {

		PORTABLE, PYTHON_DOTENV

	}

	/** Values that no quoting writes exactly for every reader of the dialect. */
	public static final class UnwritableValues extends RuntimeException {

		private final Map<String, String> reasons;

		UnwritableValues(Map<String, String> reasons) {
			super("Cannot write " + String.join(", ", reasons.keySet())
					+ " to a .env file every reader reads the same");
			this.reasons = Map.copyOf(reasons);
		}

		/** Variable name to why. */
		public Map<String, String> reasons() {
			return this.reasons;
		}

	}

	private DotenvFile() {
	}

	public static String write(Map<String, String> variables, Dialect dialect) {
		StringBuilder out = new StringBuilder();
		Map<String, String> unwritable = new java.util.LinkedHashMap<>();
		List<String> lines = new ArrayList<>();
		boolean braces = false;
		for (Map.Entry<String, String> variable : variables.entrySet()) {
			String value = variable.getValue();
			String quoted = (dialect == Dialect.PYTHON_DOTENV) ? pythonDotenv(value) : portable(value);
			if (quoted == null) {
				unwritable.put(variable.getKey(), whyNot(value));
				continue;
			}
			braces |= dialect == Dialect.PORTABLE && value.contains("${");
			lines.add(variable.getKey() + "=" + quoted);
		}
		if (!unwritable.isEmpty()) {
			throw new UnwritableValues(unwritable);
		}
		if (braces) {
			out.append("# ${...} below is literal text: with python-dotenv, load this file with interpolate=False,\n")
				.append("# or ask Lockstep for dialect=python-dotenv.\n");
		}
		lines.forEach((line) -> out.append(line).append('\n'));
		return out.toString();
	}

	/**
	 * The quoted value for sh, Compose and python-dotenv (interpolate=False), or null.
	 */
	static @Nullable String portable(String value) {
		if (value.indexOf('\r') >= 0 || value.endsWith("\\")) {
			return null;
		}
		if (value.indexOf('\'') < 0 && !value.contains("\\\\")) {
			return "'" + value + "'";
		}
		if (value.indexOf('$') < 0 && value.indexOf('`') < 0 && !value.endsWith("\"")) {
			return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}
		return null;
	}

	/**
	 * Double quotes with python-dotenv's escapes, and ${ hidden from its interpolation.
	 */
	static String pythonDotenv(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("${", "${=:-${}")
				+ "\"";
	}

	private static String whyNot(String value) {
		if (value.indexOf('\r') >= 0) {
			return "it contains a carriage return, which python-dotenv turns into a newline when it reads a file";
		}
		if (value.endsWith("\\")) {
			return "it ends with a backslash, which Docker Compose reads as escaping the closing quote";
		}
		if (value.indexOf('$') < 0 && value.indexOf('`') < 0) {
			return "it holds a single quote or \\\\ and ends with a double quote, which Docker Compose drops";
		}
		return "it mixes $ or a backtick (which sh expands in double quotes) with a single quote or \\\\ "
				+ "(which single quotes cannot hold for every reader)";
	}

}
