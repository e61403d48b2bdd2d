package app.lockstep.web.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A file streamed to the browser (the audit exports, the change-management CSV): an
 * attachment that is never cached, written in UTF-8 as it is produced.
 */
public final class Download {

	private static final int BUFFER = 64 * 1024;

	private Download() {
	}

	/** Sets the headers and answers the writer of the body (flush it at the end). */
	public static Writer start(HttpServletResponse response, String contentType, String filename) throws IOException {
		response.setContentType(contentType);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), BUFFER);
	}

	/**
	 * One CSV cell: RFC 4180 quoting; a text that a spreadsheet would run as a formula
	 * (=, +, -, @, tab, return) is prefixed with an apostrophe.
	 */
	public static String csvCell(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = value;
		if ("=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9]+")) {
			text = "'" + text;
		}
		if (needsQuotes(text)) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	private static boolean needsQuotes(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}

}
