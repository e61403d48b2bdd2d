package app.lockstep.web.sso;

import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import app.lockstep.domain.shared.RateLimitBuckets;
import app.lockstep.domain.sso.SignInWithSso;
import app.lockstep.domain.sso.SsoRefusal;
import app.lockstep.web.shared.ClientAddress;
import app.lockstep.web.shared.LoginMethod;
import app.lockstep.web.shared.SessionLogin;
import app.lockstep.web.shared.OrgAccessInterceptor;
import app.lockstep.web.shared.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Signing in through an organization's OpenID Connect provider with Spring Security's
 * OAuth2 client: {@code /oauth2/authorization/{org}} sends the person to the provider,
 * {@code /login/oauth2/code/{org}} takes them back. Once the ID token is checked,
 * {@link SignInWithSso} decides who they are (or refuses them); the session then holds
 * the same {@link SignedInUser} a password login gives, with a fresh session id. Refusals
 * and provider errors go back to the sign-in page with a code it turns into words. No
 * token of the provider is kept.
 */
@Component
class SsoLogin implements LoginMethod {

	private static final Logger log = LoggerFactory.getLogger(SsoLogin.class);

	static final String PAGE = "/login/sso";

	private final SsoClientRegistrations registrations;

	private final SignInWithSso signIn;

	private final SessionLogin sessionLogin;

	private final SsoRateLimitFilter rateLimit;

	SsoLogin(SsoClientRegistrations registrations, SignInWithSso signIn, SessionLogin sessionLogin, Clock clock,
			RateLimitBuckets buckets, @Value("${lockstep.rate-limits.sso-per-address:60/1m}") String perAddress) {
		this.registrations = registrations;
		this.signIn = signIn;
		this.sessionLogin = sessionLogin;
		this.rateLimit = new SsoRateLimitFilter(clock, buckets, perAddress);
	}

	@Override
	public void configure(HttpSecurity http) throws Exception {
		// Before the OAuth2 client does anything with the request.
		http.addFilterBefore(this.rateLimit, OAuth2AuthorizationRequestRedirectFilter.class);
		OidcUserService oidc = new OidcUserService();
		http.oauth2Login((login) -> login.loginPage(PAGE)
			.clientRegistrationRepository(this.registrations)
			.authorizationEndpoint((authorization) -> authorization.authorizationRequestResolver(
					new KnownRegistrationsOnly(new DefaultOAuth2AuthorizationRequestResolver(this.registrations,
							OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI))))
			.authorizedClientRepository(new NothingKept())
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService((request) -> signIn(oidc, request)))
			.successHandler(this::signedIn)
			.failureHandler(SsoLogin::refused)
			.permitAll());
	}

	private OidcUser signIn(OidcUserService oidc, OidcUserRequest request) {
		OidcUser person = oidc.loadUser(request);
		String registrationId = request.getClientRegistration().getRegistrationId();
		try {
			SignInWithSso.SignedIn signedIn = this.signIn.signIn(registrationId, person.getEmail(),
					Boolean.TRUE.equals(person.getEmailVerified()), person.getFullName(), clientAddress());
			return new SsoPerson(person, signedIn);
		}
		catch (SsoRefusal refusal) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(refusal.reason().name().toLowerCase(Locale.ROOT), refusal.getMessage(), null),
					refusal);
		}
	}

	private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		if (!(authentication instanceof OAuth2AuthenticationToken token)
				|| !(token.getPrincipal() instanceof SsoPerson person)) {
			response.sendRedirect(request.getContextPath() + PAGE + "?refused=failed");
			return;
		}
		SignInWithSso.SignedIn signedIn = person.signedIn();
		this.sessionLogin.signIn(new SignedInUser(signedIn.user(), signedIn.email(), signedIn.name(), null, false),
				request, response);
		request.getSession()
			.setAttribute(OrgAccessInterceptor.SIGNED_IN_THROUGH_SSO_OF, token.getAuthorizedClientRegistrationId());
		// The registration id is the organization's slug.
		response.sendRedirect(request.getContextPath() + "/orgs/" + token.getAuthorizedClientRegistrationId());
	}

	private static void refused(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		String code = "failed";
		if (failure instanceof OAuth2AuthenticationException oauth && oauth.getCause() instanceof SsoRefusal refusal) {
			code = refusal.reason().name().toLowerCase(Locale.ROOT);
		}
		else {
			log.info("Single sign-on failed: {}", failure.getMessage());
		}
		response.sendRedirect(request.getContextPath() + PAGE + "?refused=" + code);
	}

	private static @Nullable String clientAddress() {
		var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
		if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
			return ClientAddress.of(servlet.getRequest());
		}
		return null;
	}

	/** The provider's person, and who they are in Lockstep. */
	private record SsoPerson(OidcUser person, SignInWithSso.SignedIn signedIn) implements OidcUser {

		@Override
		public Map<String, Object> getClaims() {
			return this.person.getClaims();
		}

		@Override
		public @Nullable OidcUserInfo getUserInfo() {
			return this.person.getUserInfo();
		}

		@Override
		public OidcIdToken getIdToken() {
			return this.person.getIdToken();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.person.getAttributes();
		}

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return this.person.getAuthorities();
		}

		@Override
		public String getName() {
			return this.signedIn.user().toString();
		}

	}

	/**
	 * An organization without single sign-on (or whose provider cannot be discovered just
	 * now) is not an authorization request: it goes on to the page that says so
	 * ({@link SsoLoginController}) instead of Spring's 500. (Spring's resolver says so
	 * with its package-private InvalidClientRegistrationIdException, an
	 * IllegalArgumentException.)
	 */
	private record KnownRegistrationsOnly(
			OAuth2AuthorizationRequestResolver resolver) implements OAuth2AuthorizationRequestResolver {

		@Override
		public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
			try {
				return this.resolver.resolve(request);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		@Override
		public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
			try {
				return this.resolver.resolve(request, registrationId);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

	/** The provider's access token is not needed after signing in: nothing is kept. */
	private static final class NothingKept implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

	}

}
