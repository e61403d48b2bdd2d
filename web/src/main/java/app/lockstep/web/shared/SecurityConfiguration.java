package app.lockstep.web.shared;

import java.util.List;

import app.lockstep.domain.token.AuthenticateApiToken;
import app.lockstep.web.account.LoginSuccess;
import app.lockstep.web.account.PendingSecondFactor;
import app.lockstep.web.account.SecondFactorGate;
import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Form login for people, CSRF on everything, strict headers. The API answers 401
 * (problem+json) instead of redirecting, and htmx requests whose session expired get a
 * full-page refresh to the login page rather than a login form swapped into a fragment.
 * Machines call the API with {@code Authorization: Bearer <token>} (see
 * {@link BearerTokenAuthenticationFilter}); those requests need no CSRF token. Push
 * webhooks ({@code /api/v1/hooks/**}) are public and CSRF-exempt: each delivery is
 * verified with the project's webhook secret instead.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

	/** The push webhooks (see app.lockstep.web.code.api.WebhookController). */
	static final String WEBHOOKS = "/api/v1/hooks/**";

	/**
	 * Machines calling the API with a bearer token (every deployed machine polls the
	 * config): a chain of only what such a request needs (the token, authorization,
	 * headers, problem+json refusals), without sessions, CSRF, saved requests, logout or
	 * anonymous users. Push webhooks keep the main chain and its rate limits.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain bearerApiFilterChain(HttpSecurity http, AuthenticateApiToken authenticateApiToken)
			throws Exception {
		http.securityMatcher(new AndRequestMatcher(BearerTokenAuthenticationFilter.BEARER_API_REQUEST,
				new NegatedRequestMatcher(pathPattern(WEBHOOKS))));
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
		http.addFilterBefore(new BearerTokenAuthenticationFilter(authenticateApiToken), AuthorizationFilter.class);
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf((csrf) -> csrf.disable());
		http.requestCache((cache) -> cache.disable());
		http.logout((logout) -> logout.disable());
		http.anonymous((anonymous) -> anonymous.disable());
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(new ProblemAuthenticationEntryPoint())
					.accessDeniedHandler(new ApiAccessDeniedHandler()));
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginFailureHandler loginFailureHandler,
			AuthenticateApiToken authenticateApiToken, RateLimits rateLimits, List<LoginMethod> loginMethods)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			// The second step of logging in: the page itself sends away whoever does not
			// wait for a code.
			.requestMatchers(SecondFactorGate.CODE_PAGE)
			.permitAll()
			.requestMatchers("/login", "/login/sso", "/oauth2/authorization/*", "/signup", "/css/**", "/js/**",
					"/img/**", "/webjars/**", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**")
			.permitAll()
			// The API's description and its browsable UI: no tenant data, no secrets.
			.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			// An invitation link and signing up from it are public; joining as a
			// signed-in
			// person (POST /invitations/{token}/accept) is not.
			.requestMatchers(HttpMethod.GET, "/invitations/*")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/invitations/*/signup")
			.permitAll()
			// Push webhooks: public, each delivery proves itself with the project's
			// secret.
			.requestMatchers(HttpMethod.POST, WEBHOOKS)
			.permitAll()
			.anyRequest()
			.access(SIGNED_IN));
		http.formLogin((form) -> form.loginPage("/login")
			.usernameParameter("username")
			.passwordParameter("password")
			.successHandler(new LoginSuccess())
			.failureHandler(loginFailureHandler)
			.withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
				@Override
				public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
					// An attempt over a rate limit is not processed: it goes on to the
					// page that answers 429 (LoginController).
					filter.setRequiresAuthenticationRequestMatcher(LoginRateLimitFilter.ADMITTED_LOGIN);
					return filter;
				}
			})
			.permitAll());
		// Other ways to sign in (single sign-on), each configured by its own feature.
		for (LoginMethod method : loginMethods) {
			method.configure(http);
		}
		// After the security headers and CSRF, before anything is authenticated or read.
		http.addFilterBefore(new LoginRateLimitFilter(rateLimits), UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new WebhookRateLimitFilter(rateLimits), UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new BearerTokenAuthenticationFilter(authenticateApiToken),
				AnonymousAuthenticationFilter.class);
		// A session still waiting for its second factor reaches only the code page.
		http.addFilterBefore(new SecondFactorGate(), AuthorizationFilter.class);
		http.csrf((csrf) -> csrf.ignoringRequestMatchers(BearerTokenAuthenticationFilter.BEARER_API_REQUEST,
				pathPattern(WEBHOOKS)));
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(new ProblemAuthenticationEntryPoint(), pathPattern("/api/**"))
			.defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(),
					new RequestHeaderRequestMatcher("HX-Request"))
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), pathPattern("/**"))
			.accessDeniedHandler(new ApiAccessDeniedHandler()));
		headers(http);
		http.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()));
		return http.build();
	}

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	/**
	 * Authenticated, and not merely by a password still waiting for its second factor.
	 */
	private static final AuthorizationManager<RequestAuthorizationContext> SIGNED_IN = (authentication, context) -> {
		Authentication current = authentication.get();
		return new AuthorizationDecision(TRUST.isAuthenticated(current) && !PendingSecondFactor.waiting(current));
	};

	private static void headers(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions((frame) -> frame.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
