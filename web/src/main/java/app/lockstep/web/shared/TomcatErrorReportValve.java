package app.lockstep.web.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.MessageBytes;
import org.jspecify.annotations.Nullable;

/**
 * Tomcat's own refusals, which never reach the application: a request line or headers too
 * long (400 for an 8 KB address), a path it will not decode (an encoded NUL or slash), a
 * malformed request. Answered like every other error: problem+json for API clients, a
 * plain page in the app's style for browsers, and the protective headers; never Tomcat's
 * default page.
 */
public class TomcatErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, @Nullable Throwable failure) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String path = path(request);
		Refusal refusal = Failures.refusal(failure)
			.orElseGet(() -> new Refusal(status, ErrorPages.detail(status, request)));
		try {
			response.resetBuffer();
			SecurityHeaders.addMissing(response);
			String retryAfter = Refusal.retryAfter(refusal.status());
			if (retryAfter != null) {
				response.setHeader("Retry-After", retryAfter);
			}
			byte[] body;
			// A request line Tomcat could not read leaves neither path nor headers to go
			// by:
			// such a request comes from a program, not a browser, so it gets a problem.
			if (path == null || path.isEmpty() || ProblemJson.wanted(path, request.getHeader("Accept"))) {
				response.setContentType(ProblemJson.MEDIA_TYPE);
				body = ProblemJson.bytes(refusal, path);
			}
			else {
				response.setContentType("text/html;charset=UTF-8");
				body = page(refusal).getBytes(StandardCharsets.UTF_8);
			}
			response.setContentLength(body.length);
			OutputStream out = response.getOutputStream();
			out.write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone; nothing more to say
		}
	}

	private static @Nullable String path(Request request) {
		try {
			MessageBytes uri = request.getCoyoteRequest().requestURI();
			return (uri == null || uri.isNull()) ? null : uri.toString();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String page(Refusal refusal) {
		return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + "<title>"
				+ refusal.status()
				+ " · Lockstep</title><link rel=\"icon\" href=\"/img/logo.svg\" type=\"image/svg+xml\">"
				+ "<link rel=\"stylesheet\" href=\"/webjars/bootstrap/css/bootstrap.min.css\">"
				+ "<link rel=\"stylesheet\" href=\"/css/app.css\"></head><body>"
				+ "<nav class=\"navbar navbar-dark bg-ink\"><div class=\"container-fluid px-3 px-lg-4\">"
				+ "<a class=\"navbar-brand d-flex align-items-center gap-2\" href=\"/\">"
				+ "<img src=\"/img/logo.svg\" alt=\"\" width=\"26\" height=\"26\"><span class=\"fw-semibold\">Lockstep</span>"
				+ "</a></div></nav><main class=\"container py-5\"><div class=\"card auth-card\">"
				+ "<div class=\"card-body p-4 text-center\"><p class=\"display-6 text-body-secondary\">"
				+ refusal.status()
				+ "</p><h1 class=\"h4\">That request could not be read</h1><p class=\"text-body-secondary\">"
				+ escape(refusal.detail()) + "</p><a class=\"btn btn-primary\" href=\"/\">Back to Lockstep</a>"
				+ "</div></div></main></body></html>\n";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
