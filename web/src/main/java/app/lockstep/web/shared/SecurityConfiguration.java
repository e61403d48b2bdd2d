package app.lockstep.web.shared;

import app.lockstep.domain.token.AuthenticateApiToken;
import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
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

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginFailureHandler loginFailureHandler,
			AuthenticateApiToken authenticateApiToken, RateLimits rateLimits) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/signup", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
					"/error", "/actuator/health", "/actuator/health/**")
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
			.authenticated());
		http.formLogin((form) -> form.loginPage("/login")
			.usernameParameter("username")
			.passwordParameter("password")
			.defaultSuccessUrl("/", false)
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
		// After the security headers and CSRF, before anything is authenticated or read.
		http.addFilterBefore(new LoginRateLimitFilter(rateLimits), UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new WebhookRateLimitFilter(rateLimits), UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new BearerTokenAuthenticationFilter(authenticateApiToken),
				AnonymousAuthenticationFilter.class);
		http.csrf((csrf) -> csrf.ignoringRequestMatchers(BearerTokenAuthenticationFilter.BEARER_API_REQUEST,
				pathPattern(WEBHOOKS)));
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(new ProblemAuthenticationEntryPoint(), pathPattern("/api/**"))
			.defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(),
					new RequestHeaderRequestMatcher("HX-Request"))
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), pathPattern("/**"))
			.accessDeniedHandler(new ApiAccessDeniedHandler()));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions((frame) -> frame.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		http.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
