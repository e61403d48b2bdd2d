package app.lockstep.web.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first look at every request, before anything reads it (Spring Security reads forms
 * for their CSRF token): an address (path and query) longer than 8 KiB is refused with
 * 414; a body whose declared length is past its address's {@link RequestLimits limit} is
 * refused with 413 unread; any other body is read through a stream that fails with
 * {@link RequestBodyTooLargeException} (413) the moment it crosses the limit, so no body
 * larger than its limit is ever buffered. Then the query string and form parameters: one
 * Tomcat cannot decode is a 400, one with a NUL character a 422 naming it. Refusals go to
 * the error page, which answers problem+json or the app's own page.
 */
class RequestInputFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		int addressLength = request.getRequestURI().length()
				+ ((request.getQueryString() != null) ? request.getQueryString().length() + 1 : 0);
		if (addressLength > RequestLimits.ADDRESS) {
			refuse(request, response,
					new Refusal(414, "The address (" + addressLength + " characters) is longer than the "
							+ RequestLimits.describe(RequestLimits.ADDRESS) + " accepted."));
			return;
		}
		long limit = RequestLimits.of(request);
		if (request.getContentLengthLong() > limit) {
			// The body stays unread: Tomcat skips up to 2 MB of it to keep the
			// connection,
			// and closes the connection when more was announced.
			refuse(request, response, new Refusal(413, "The request body (" + request.getContentLengthLong()
					+ " bytes) is larger than the " + RequestLimits.describe(limit) + " this address accepts."));
			return;
		}
		HttpServletRequest limited = new LimitedRequest(request, limit);
		Refusal parameters = parameters(limited);
		if (parameters != null) {
			refuse(request, response, parameters);
			return;
		}
		chain.doFilter(limited, response);
	}

	private static @Nullable Refusal parameters(HttpServletRequest request) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			return Failures.refusal(ex)
				.orElseGet(() -> new Refusal(400, "The query string or form could not be read."));
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (NulCharacters.in(parameter.getKey())) {
				return Refusal.field(422, parameter.getKey().replace("\0", "\\u0000"),
						"Remove the NUL character (\\u0000) from this parameter's name.");
			}
			for (String value : parameter.getValue()) {
				if (NulCharacters.in(value)) {
					return Refusal.field(422, parameter.getKey(), NulCharacters.MESSAGE);
				}
			}
		}
		return null;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
			throws IOException {
		request.setAttribute(Refusal.ATTRIBUTE, refusal);
		response.sendError(refusal.status(), refusal.detail());
	}

	/** The request with its body behind a stream that stops at the limit. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private @Nullable LimitedInputStream stream;

		private @Nullable BufferedReader reader;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (this.reader == null) {
				String encoding = getCharacterEncoding();
				Charset charset = (encoding != null && Charset.isSupported(encoding)) ? Charset.forName(encoding)
						: StandardCharsets.UTF_8;
				this.reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
			}
			return this.reader;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		LimitedInputStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			// Never more than one byte past the limit, so that crossing it is noticed
			// without reading further.
			long allowed = Math.max(1, this.limit - this.read + 1);
			int n = this.delegate.read(buffer, offset, (int) Math.min(length, allowed));
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws RequestBodyTooLargeException {
			this.read += n;
			if (this.read > this.limit) {
				throw new RequestBodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
