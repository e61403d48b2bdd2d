package app.lockstep.web.config.api;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.domain.config.ReadConfigForDeployment;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.Membership;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.token.AuthenticateApiToken;
import app.lockstep.domain.access.Scope;
import app.lockstep.web.ops.LockstepMeters;
import app.lockstep.web.shared.OrgAccessInterceptor;
import app.lockstep.web.shared.SecurityHeaders;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The deployers' poll, answered before Spring Security and Spring MVC when everything it
 * needs is already in this instance's trusted caches: {@code GET} of an environment's
 * latest config with {@code Authorization: Bearer}. It answers only what the normal path
 * would answer with 200 or 304, with the same headers and bytes, and hands every other
 * request on untouched: any refusal (a malformed, unknown, expired or revoked token, a
 * missing scope, a token limited elsewhere, another organization, a role that may not
 * read secrets), anything not cached or not trusted (the caches stop answering within 750
 * ms of losing the database's notifications), a token whose use is due to be recorded,
 * and anything unusual (other parameters, {@code revision=}, cookies, conditional headers
 * other than {@code If-None-Match}, an {@code Accept} that is not plainly the answer's
 * type). The read of secrets is recorded, and committed, before the bytes leave, exactly
 * as on the normal path; the config-read meter and the HTTP observation's route are kept.
 */
final class ConfigFastPath implements Filter {

	static final String ROUTE = "/api/v1/orgs/{org}/projects/{project}/environments/{environment}/config";

	private static final Pattern PATH = Pattern
		.compile("^/api/v1/orgs/([a-z0-9][a-z0-9-]{0,62})/projects/([A-Za-z0-9_.-]{1,100})/environments/"
				+ "([A-Za-z0-9_.-]{1,100})/config$");

	private static final Pattern QUERY_PART = Pattern.compile("^(format|dialect)=([a-z-]{1,20})$");

	private static final String BEARER = "Bearer ";

	/** Headers that make the normal path decide something this one does not. */
	private static final List<String> UNUSUAL_HEADERS = List.of(HttpHeaders.COOKIE, HttpHeaders.IF_MATCH,
			HttpHeaders.IF_MODIFIED_SINCE, HttpHeaders.IF_UNMODIFIED_SINCE, HttpHeaders.IF_RANGE, HttpHeaders.RANGE);

	/**
	 * The protective headers of the bearer API's security filter chain, written by the
	 * same writers with the same settings (see SecurityConfiguration#headers).
	 */
	private static final List<HeaderWriter> SECURITY_HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
			new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
			new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
			new ContentSecurityPolicyHeaderWriter(SecurityHeaders.CONTENT_SECURITY_POLICY),
			new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));

	private final AuthenticateApiToken tokens;

	private final ResolveMembership memberships;

	private final ReadConfigForDeployment read;

	private final ConfigRendering rendering;

	private final LockstepMeters meters;

	private volatile boolean enabled = true;

	/** The request id (X-Request-Id, see LogContext) of the last request it answered. */
	private volatile @Nullable String lastAnswered;

	ConfigFastPath(AuthenticateApiToken tokens, ResolveMembership memberships, ReadConfigForDeployment read,
			ConfigRendering rendering, LockstepMeters meters) {
		this.tokens = tokens;
		this.memberships = memberships;
		this.read = read;
		this.rendering = rendering;
		this.meters = meters;
	}

	/** Off, every request takes the normal path (tests compare the two). */
	void enabled(boolean enabled) {
		this.enabled = enabled;
	}

	/** Whether the last request it answered had this request id. */
	boolean lastAnswered(String requestId) {
		return requestId.equals(this.lastAnswered);
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		if (!this.enabled || !(req instanceof HttpServletRequest request)
				|| !(res instanceof HttpServletResponse response) || !answered(request, response)) {
			chain.doFilter(req, res);
			return;
		}
		this.lastAnswered = MDC.get("requestId");
	}

	/** Whether it answered; when not, nothing was written or recorded. */
	private boolean answered(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getDispatcherType() != DispatcherType.REQUEST || !"GET".equals(request.getMethod())
				|| !request.getContextPath().isEmpty()) {
			return false;
		}
		Matcher path = PATH.matcher(request.getRequestURI());
		if (!path.matches()) {
			return false;
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return false;
		}
		for (String header : UNUSUAL_HEADERS) {
			if (request.getHeader(header) != null) {
				return false;
			}
		}
		String representation = representation(request.getQueryString());
		if (representation == null || !acceptable(request.getHeader(HttpHeaders.ACCEPT), representation)) {
			return false;
		}
		String orgSlug = path.group(1);
		String project = path.group(2);
		String environment = path.group(3);
		ApiToken token = this.tokens.cachedActive(authorization.substring(BEARER.length())).orElse(null);
		if (token == null || !token.has(Scope.CONFIG_READ) || !token.reaches(project, environment)) {
			return false;
		}
		Membership membership = this.memberships.cachedIn(token.createdBy(), orgSlug)
			.filter((found) -> found.organization().id().equals(token.org()))
			.orElse(null);
		if (membership == null) {
			return false;
		}
		Caller caller = OrgAccessInterceptor.tokenCaller(membership, token, request.getRemoteAddr());
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null) {
			ReadConfigForDeployment.Version version = this.read.cachedVersion(caller, project, environment)
				.orElse(null);
			if (version == null) {
				return false;
			}
			String etag = version.etag(representation);
			if (ConfigApiController.matches(ifNoneMatch, etag)) {
				routed(request, token);
				response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
				response.setHeader(HttpHeaders.ETAG, etag);
				writeSecurityHeaders(request, response);
				this.meters.configRead(format(representation), "not_modified");
				return true;
			}
		}
		Optional<Answer> answer;
		try {
			// Rendered before the read is recorded: a config that cannot be written in
			// this format (422) is the normal path's to refuse.
			answer = this.read
				.readCached(caller, project, environment, (config) -> new Answer(config.version().etag(representation),
						config.encoded(representation, (resolved) -> this.rendering.render(resolved, representation))));
		}
		catch (RuntimeException ex) {
			return false;
		}
		if (answer.isEmpty()) {
			return false;
		}
		routed(request, token);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setHeader(HttpHeaders.ETAG, answer.get().etag());
		response.setContentType(ConfigRendering.contentType(representation));
		response.setContentLength(answer.get().body().length);
		writeSecurityHeaders(request, response);
		this.meters.configRead(format(representation), "sent");
		response.getOutputStream().write(answer.get().body());
		return true;
	}

	private record Answer(String etag, byte[] body) {
	}

	/**
	 * The representation the query asks for, or null when the query holds anything but
	 * one {@code format=} and one {@code dialect=} in lower case with valid values.
	 */
	private static @Nullable String representation(@Nullable String query) {
		String format = "json";
		String dialect = "portable";
		if (query != null) {
			boolean formatSeen = false;
			boolean dialectSeen = false;
			for (String part : query.split("&", 3)) {
				Matcher parameter = QUERY_PART.matcher(part);
				if (!parameter.matches()) {
					return null;
				}
				if (parameter.group(1).equals("format")) {
					if (formatSeen) {
						return null;
					}
					formatSeen = true;
					format = parameter.group(2);
				}
				else {
					if (dialectSeen) {
						return null;
					}
					dialectSeen = true;
					dialect = parameter.group(2);
				}
			}
		}
		if (!List.of("json", "dotenv", "yaml", "upsun").contains(format)
				|| !List.of("portable", "python-dotenv").contains(dialect)) {
			return null;
		}
		return ConfigApiController.representation(format, dialect);
	}

	private static boolean acceptable(@Nullable String accept, String representation) {
		if (accept == null || accept.equals("*/*")) {
			return true;
		}
		String type = ConfigRendering.contentType(representation);
		int parameters = type.indexOf(';');
		return accept.equals((parameters < 0) ? type : type.substring(0, parameters));
	}

	/** The format as the config-read meter names it (see ConfigReadMetrics). */
	private static String format(String representation) {
		return representation.startsWith("dotenv") ? "dotenv" : representation;
	}

	/**
	 * What the normal path leaves for the request log, the HTTP observation and log
	 * lines: the route and the actor (see LogContext).
	 */
	private static void routed(HttpServletRequest request, ApiToken token) {
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, ROUTE);
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> context.setPathPattern(ROUTE));
		MDC.put("actor", "token:" + token.id() + " user:" + token.createdBy());
	}

	private static void writeSecurityHeaders(HttpServletRequest request, HttpServletResponse response) {
		for (HeaderWriter writer : SECURITY_HEADERS) {
			writer.writeHeaders(request, response);
		}
	}

}
