package app.lockstep.web.shared;

import java.io.IOException;
import java.util.List;

import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.token.AuthenticateApiToken;
import app.lockstep.domain.token.InvalidApiTokenException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Authenticates {@code Authorization: Bearer <token>} on {@code /api/**} as the token's
 * creator, for this request only (nothing is stored in a session). A request that carries
 * a bearer token is judged by that token alone: when the token is malformed, unknown,
 * expired or revoked the answer is 401 problem+json, even if a browser session came
 * along. Such requests need no CSRF token (see {@link #BEARER_API_REQUEST}).
 */
final class BearerTokenAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private static final RequestMatcher API = pathPattern("/api/**");

	/**
	 * API requests carrying a bearer token: authenticated by this filter, exempt from
	 * CSRF.
	 */
	static final RequestMatcher BEARER_API_REQUEST = (request) -> API.matches(request)
			&& bearer(request.getHeader(HttpHeaders.AUTHORIZATION));

	private final AuthenticateApiToken authenticateApiToken;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	BearerTokenAuthenticationFilter(AuthenticateApiToken authenticateApiToken) {
		this.authenticateApiToken = authenticateApiToken;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!BEARER_API_REQUEST.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		String presented = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length());
		ApiToken token;
		try {
			token = this.authenticateApiToken.authenticate(presented);
		}
		catch (InvalidApiTokenException ex) {
			unauthorized(request, response, ex.getMessage());
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new ApiTokenPrincipal(token), null,
				List.of(new SimpleGrantedAuthority("ROLE_API_TOKEN"))));
		this.contexts.setContext(context);
		request.setAttribute(RequestToken.ATTRIBUTE, token);
		chain.doFilter(request, response);
	}

	private static boolean bearer(@org.jspecify.annotations.Nullable String authorization) {
		return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
	}

	private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + json(detail)
					+ "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
	}

	private static String json(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> escaped.append("\\\"");
				case '\\' -> escaped.append("\\\\");
				default -> {
					if (c < 0x20) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

}
