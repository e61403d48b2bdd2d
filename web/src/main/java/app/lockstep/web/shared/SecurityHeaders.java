package app.lockstep.web.shared;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The protective headers every answer carries. Spring Security writes them on the answers
 * that pass its filters; the error pages and Tomcat's own refusals (a request line too
 * long, a path it cannot decode, TRACE), which are answered outside those filters, write
 * the same ones with {@link #addMissing}.
 */
public final class SecurityHeaders {

	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static final String[][] HEADERS = { { "Content-Security-Policy", CONTENT_SECURITY_POLICY },
			{ "X-Content-Type-Options", "nosniff" }, { "X-Frame-Options", "DENY" },
			{ "Referrer-Policy", "strict-origin-when-cross-origin" }, { "X-XSS-Protection", "0" },
			{ "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate" } };

	private SecurityHeaders() {
	}

	/** Adds each protective header the response does not have yet. */
	public static void addMissing(HttpServletResponse response) {
		for (String[] header : HEADERS) {
			if (!response.containsHeader(header[0])) {
				response.setHeader(header[0], header[1]);
			}
		}
	}

}
