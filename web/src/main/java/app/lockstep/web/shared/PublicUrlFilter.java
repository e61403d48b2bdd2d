package app.lockstep.web.shared;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every request look, to everything after it (Spring Security's saved-request
 * redirects, {@code ServletUriComponentsBuilder} in invitation links, hook URLs and
 * {@code Location} headers), as if it had come to {@link PublicUrl}: its scheme, host and
 * port, whatever {@code Host} (or {@code X-Forwarded-Host}) the client sent. Runs before
 * everything else. The client's own address ({@link ClientAddress}) is untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicUrlFilter extends OncePerRequestFilter {

	private final PublicUrl publicUrl;

	PublicUrlFilter(PublicUrl publicUrl) {
		this.publicUrl = publicUrl;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new AtPublicUrl(request, this.publicUrl.base()), response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private static final class AtPublicUrl extends HttpServletRequestWrapper {

		private final URI base;

		private final int port;

		AtPublicUrl(HttpServletRequest request, URI base) {
			super(request);
			this.base = base;
			this.port = (base.getPort() != -1) ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80);
		}

		@Override
		public String getScheme() {
			return this.base.getScheme();
		}

		@Override
		public boolean isSecure() {
			return "https".equals(this.base.getScheme());
		}

		@Override
		public String getServerName() {
			return this.base.getHost();
		}

		@Override
		public int getServerPort() {
			return this.port;
		}

		@Override
		public StringBuffer getRequestURL() {
			return new StringBuffer(this.base.getScheme()).append("://").append(authority()).append(getRequestURI());
		}

		@Override
		public @Nullable String getHeader(String name) {
			if (HttpHeaders.HOST.equalsIgnoreCase(name)) {
				return authority();
			}
			return isForwarded(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			if (HttpHeaders.HOST.equalsIgnoreCase(name)) {
				return Collections.enumeration(java.util.List.of(authority()));
			}
			return isForwarded(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(
					Collections.list(super.getHeaderNames()).stream().filter((name) -> !isForwarded(name)).toList());
		}

		private String authority() {
			return this.base.getRawAuthority();
		}

		/**
		 * Forwarded and X-Forwarded-Host/Proto/Port/Prefix: whatever built links from
		 * them would let a client choose the host. (Tomcat has already taken what it
		 * trusts from trusted proxies when server.forward-headers-strategy asks it to.)
		 */
		private static boolean isForwarded(String name) {
			String lower = name.toLowerCase(java.util.Locale.ROOT);
			return lower.equals("forwarded") || lower.equals("x-forwarded-host") || lower.equals("x-forwarded-proto")
					|| lower.equals("x-forwarded-port") || lower.equals("x-forwarded-prefix");
		}

	}

}
