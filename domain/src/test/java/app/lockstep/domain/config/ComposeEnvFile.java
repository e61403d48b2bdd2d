package app.lockstep.domain.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a .env file by Docker Compose's rules for env_file, as compose-go's dotenv
 * package implements them (compose-spec/compose-go, dotenv/parser.go at
 * 042173482969cd44087fbc45b1f2f48d01b2d9c8, and its variable substitution): comments,
 * "export", KEY=value or KEY: value; single quotes literal; double quotes with \n, \r and
 * backslash-escapes, then substitution; unquoted values up to " #" or the line's end,
 * then substitution. Written for the tests; no Compose binary runs here.
 */
final class ComposeEnvFile {

	private static final Pattern ESCAPE = Pattern.compile("\\\\.", Pattern.DOTALL);

	private static final Pattern UNESCAPE = Pattern.compile("\\\\([^$])", Pattern.DOTALL);

	private static final Pattern VARIABLE = Pattern
		.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\\}|\\$([A-Za-z_][A-Za-z0-9_]*)");

	private ComposeEnvFile() {
	}

	static Map<String, String> parse(String text) {
		Map<String, String> out = new LinkedHashMap<>();
		int at = 0;
		while (true) {
			at = statementStart(text, at);
			if (at < 0) {
				return out;
			}
			String rest = text.substring(at);
			if (rest.startsWith("export")) {
				rest = rest.substring("export".length());
			}
			rest = trimSpaces(rest);
			int end = 0;
			while (end < rest.length() && rest.charAt(end) != '=' && rest.charAt(end) != ':'
					&& rest.charAt(end) != '\n') {
				char c = rest.charAt(end);
				if (!isSpace(c) && !Character.isLetterOrDigit(c) && c != '_' && c != '.') {
					throw new IllegalArgumentException("unexpected character " + c + " in variable name");
				}
				end++;
			}
			String key = rest.substring(0, end).strip();
			String value = trimSpaces(rest.substring(Math.min(end + 1, rest.length())));
			int consumed = text.length() - value.length();
			String[] parsed = value(value, out);
			out.put(key, parsed[0]);
			at = consumed + Integer.parseInt(parsed[1]);
		}
	}

	/** The value and how many characters it took. */
	private static String[] value(String src, Map<String, String> known) {
		if (src.isEmpty() || (src.charAt(0) != '\'' && src.charAt(0) != '"')) {
			int newline = src.indexOf('\n');
			String line = (newline < 0) ? src : src.substring(0, newline);
			String value = line.split("#", -1)[0].stripTrailing();
			return new String[] { substitute(value, known), String.valueOf(line.length()) };
		}
		char quote = src.charAt(0);
		for (int i = 1; i < src.length(); i++) {
			if (src.charAt(i) != quote || src.charAt(i - 1) == '\\') {
				continue;
			}
			String value = trim(src.substring(0, i), quote);
			if (quote == '"') {
				value = substitute(unescape(value), known);
			}
			return new String[] { value, String.valueOf(i + 1) };
		}
		throw new IllegalArgumentException("unterminated quoted value");
	}

	private static String unescape(String value) {
		Matcher escapes = ESCAPE.matcher(value);
		StringBuilder out = new StringBuilder();
		while (escapes.find()) {
			String c = escapes.group().substring(1);
			String replacement = switch (c) {
				case "n" -> "\n";
				case "r" -> "\r";
				default -> escapes.group();
			};
			escapes.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		escapes.appendTail(out);
		return UNESCAPE.matcher(out.toString()).replaceAll("$1");
	}

	private static String substitute(String value, Map<String, String> known) {
		Matcher variables = VARIABLE.matcher(value);
		StringBuilder out = new StringBuilder();
		while (variables.find()) {
			String replacement;
			if (variables.group().equals("$$")) {
				replacement = "$";
			}
			else {
				String name = (variables.group(1) != null) ? variables.group(1) : variables.group(3);
				String fallback = (variables.group(2) != null) ? variables.group(2) : "";
				replacement = known.getOrDefault(name, fallback);
			}
			variables.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		variables.appendTail(out);
		return out.toString();
	}

	private static String trim(String quoted, char quote) {
		int start = 0;
		int end = quoted.length();
		while (end > start && quoted.charAt(end - 1) == quote) {
			end--;
		}
		while (start < end && quoted.charAt(start) == quote) {
			start++;
		}
		return quoted.substring(start, end);
	}

	private static int statementStart(String text, int from) {
		int at = from;
		while (true) {
			while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
				at++;
			}
			if (at >= text.length()) {
				return -1;
			}
			if (text.charAt(at) != '#') {
				return at;
			}
			int newline = text.indexOf('\n', at);
			if (newline < 0) {
				return -1;
			}
			at = newline;
		}
	}

	private static String trimSpaces(String text) {
		int at = 0;
		while (at < text.length() && isSpace(text.charAt(at))) {
			at++;
		}
		return text.substring(at);
	}

	/** Spaces that are not line breaks, as compose-go's isSpace. */
	private static boolean isSpace(char c) {
		return c == '\t' || c == 0x0b || c == '\f' || c == '\r' || c == ' ' || c == 0x85 || c == 0xa0;
	}

}
