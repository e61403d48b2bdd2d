package app.lockstep.web.shared;

import java.util.Optional;

import app.lockstep.domain.access.ApiToken;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The API token a request was authenticated with, if any: its scopes, and the project or
 * environment it is limited to. Set by the bearer token filter; empty for browser
 * sessions.
 */
public final class RequestToken {

	static final String ATTRIBUTE = RequestToken.class.getName();

	private RequestToken() {
	}

	public static Optional<ApiToken> of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof ApiToken token) ? Optional.of(token) : Optional.empty();
	}

	/** Whether this request may see the project (always, without a limited token). */
	public static boolean reaches(HttpServletRequest request, String projectSlug) {
		return of(request).map((token) -> token.reaches(projectSlug)).orElse(true);
	}

	/**
	 * Whether this request may see the environment (always, without a limited token).
	 */
	public static boolean reaches(HttpServletRequest request, String projectSlug, String environmentName) {
		return of(request).map((token) -> token.reaches(projectSlug, environmentName)).orElse(true);
	}

}
