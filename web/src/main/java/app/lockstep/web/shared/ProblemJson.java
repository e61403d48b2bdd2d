package app.lockstep.web.shared;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Refusal} as an RFC 9457 problem document, without a JSON library, so
 * that Tomcat's own error reports (which run outside Spring) can use it too; and decides
 * who gets one: every request under {@code /api/}, and any other whose Accept header asks
 * for JSON rather than HTML.
 */
public final class ProblemJson {

	public static final String MEDIA_TYPE = "application/problem+json";

	private ProblemJson() {
	}

	public static boolean wanted(@Nullable String path, @Nullable String accept) {
		if (path != null && (path.startsWith("/api/") || path.equals("/api"))) {
			return true;
		}
		if (accept == null) {
			return false;
		}
		String lower = accept.toLowerCase(Locale.ROOT);
		return (lower.contains("json")) && !lower.contains("text/html");
	}

	public static boolean wanted(HttpServletRequest request, @Nullable String originalPath) {
		return wanted((originalPath != null) ? originalPath : request.getRequestURI(), request.getHeader("Accept"));
	}

	public static byte[] bytes(Refusal refusal, @Nullable String instance) {
		return render(refusal, instance).getBytes(StandardCharsets.UTF_8);
	}

	public static String render(Refusal refusal, @Nullable String instance) {
		StringBuilder json = new StringBuilder(256);
		json.append("{\"type\":\"about:blank\",\"title\":");
		string(json, refusal.title());
		json.append(",\"status\":").append(refusal.status()).append(",\"detail\":");
		string(json, refusal.detail());
		if (instance != null) {
			json.append(",\"instance\":");
			string(json, (instance.length() > 200) ? instance.substring(0, 200) : instance);
		}
		if (!refusal.errors().isEmpty()) {
			json.append(",\"errors\":[");
			for (int i = 0; i < refusal.errors().size(); i++) {
				Refusal.FieldProblem error = refusal.errors().get(i);
				json.append((i > 0) ? ",{\"field\":" : "{\"field\":");
				string(json, error.field());
				json.append(",\"message\":");
				string(json, error.message());
				json.append('}');
			}
			json.append(']');
		}
		return json.append('}').toString();
	}

	private static void string(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || Character.isSurrogate(c) || c == '<' || c == '>' || c == '&') {
						json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
