package app.lockstep.web.shared;

import java.util.List;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Predicate;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.Membership;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.twofactor.SecondFactorCheck;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponseHeader;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The tenant check, before any controller runs: a request whose path names an
 * organization ({@code {org}}) proceeds only for a member of it, with a {@link Caller}
 * for the use cases. Anyone else gets 404, the same answer as for an organization that
 * does not exist. A request authenticated with an API token acts as the token's creator,
 * and only in the token's own organization: any other is 404 too. A member signed in in a
 * browser without two-factor authentication is led to set it up when the organization
 * requires it.
 */
@Component
public class OrgAccessInterceptor implements HandlerInterceptor {

	static final String CALLER = OrgAccessInterceptor.class.getName() + ".caller";

	/** Where a member without two-factor goes when the organization requires it. */
	public static final String TWO_FACTOR_SETUP = "/account/security/setup";

	/**
	 * The session attribute naming the organization whose single sign-on signed it in.
	 */
	public static final String SIGNED_IN_THROUGH_SSO_OF = "lockstep.signedInThroughSsoOf";

	private final ResolveMembership resolveMembership;

	private final Predicate<UserId> hasTwoFactor;

	@Autowired
	OrgAccessInterceptor(ResolveMembership resolveMembership, SecondFactorCheck secondFactor) {
		this(resolveMembership, secondFactor::enabledFor);
	}

	OrgAccessInterceptor(ResolveMembership resolveMembership, Predicate<UserId> hasTwoFactor) {
		this.resolveMembership = resolveMembership;
		this.hasTwoFactor = hasTwoFactor;
	}

	/** For organizations that do not require two-factor authentication. */
	OrgAccessInterceptor(ResolveMembership resolveMembership) {
		this(resolveMembership, (user) -> true);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables == null || !variables.containsKey("org")) {
			return true;
		}
		ApiToken token = RequestToken.of(request).orElse(null);
		if (token != null) {
			Membership membership = this.resolveMembership.in(token.createdBy(), variables.get("org"))
				.filter((found) -> found.organization().id().equals(token.org()))
				.orElseThrow(OrgNotFoundException::new);
			request.setAttribute(CALLER, tokenCaller(membership, token, request.getRemoteAddr()));
			return true;
		}
		SignedInUser user = signedInUser();
		if (user == null) {
			throw new OrgNotFoundException();
		}
		// Only this organization's membership (a person may belong to a thousand; the
		// page frame's switcher reads a few of them itself).
		Membership membership = this.resolveMembership.in(user.id(), variables.get("org"))
			.orElseThrow(OrgNotFoundException::new);
		if (membership.organization().requiresTwoFactor() && !signedInThroughSsoOf(request, membership)
				&& !this.hasTwoFactor.test(user.id())) {
			leadToTwoFactorSetup(request, response, membership.organization().slug());
			return false;
		}
		request.setAttribute(CALLER, new Caller(membership.organization(), user.id(), user.name(), membership.role(),
				request.getRemoteAddr()));
		return true;
	}

	/**
	 * Signed in through this organization's own single sign-on: the second factor is its
	 * identity provider's to ask for, not Lockstep's.
	 */
	private static boolean signedInThroughSsoOf(HttpServletRequest request, Membership membership) {
		jakarta.servlet.http.HttpSession session = request.getSession(false);
		return session != null
				&& membership.organization().slug().equals(session.getAttribute(SIGNED_IN_THROUGH_SSO_OF));
	}

	/**
	 * The organization requires two-factor authentication and this member (signed in in a
	 * browser) has none: its pages lead to setting it up (htmx follows an
	 * {@code HX-Redirect}); its JSON with a session answers 403. API tokens never get
	 * here.
	 */
	private static void leadToTwoFactorSetup(HttpServletRequest request, HttpServletResponse response, String org) {
		try {
			sendToSetup(request, response, org);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sendToSetup(HttpServletRequest request, HttpServletResponse response, String org)
			throws IOException {
		String setup = request.getContextPath() + TWO_FACTOR_SETUP + "?org=" + org;
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN,
					"This organization requires two-factor authentication; set it up at " + TWO_FACTOR_SETUP);
		}
		else if (HtmxRequest.fromRequest(request).isHtmxRequest()) {
			response.setHeader(HtmxResponseHeader.HX_REDIRECT.getValue(), setup);
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		}
		else {
			response.sendRedirect(setup);
		}
	}

	/**
	 * Who a request authenticated with an API token acts as: the token's creator, named
	 * with the token, in the membership found for them.
	 */
	public static Caller tokenCaller(Membership membership, ApiToken token, @Nullable String ip) {
		return new Caller(membership.organization(), token.createdBy(),
				token.createdByName() + " (API token \"" + token.name() + "\")", membership.role(), ip, token);
	}

	static @Nullable SignedInUser signedInUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return user;
		}
		return null;
	}

}
