package app.lockstep.web.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} answers only to the scrape token
 * ({@code LOCKSTEP_METRICS_TOKEN}, sent as {@code Authorization: Bearer …}): not to an
 * organization's API token and not to a signed-in session, because the metrics describe
 * every organization at once (see docs/decisions/0017). Without a configured token the
 * endpoint refuses everyone. A chain of its own, ahead of the application's: stateless,
 * no session is read or created.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurityConfiguration {

	static final String PROMETHEUS = "/actuator/prometheus";

	static final String AUTHORITY = "SCRAPE_METRICS";

	private static final Logger log = LoggerFactory.getLogger(MetricsSecurityConfiguration.class);

	@Bean
	@Order(1)
	SecurityFilterChain metricsFilterChain(HttpSecurity http, @Value("${lockstep.metrics.token:}") String token)
			throws Exception {
		if (token.isBlank()) {
			log.info("No LOCKSTEP_METRICS_TOKEN: {} refuses every request", PROMETHEUS);
		}
		else if (token.length() < 24) {
			throw new IllegalStateException(
					"LOCKSTEP_METRICS_TOKEN is too short: use at least 24 random characters (openssl rand -hex 24).");
		}
		http.securityMatcher(PROMETHEUS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasAuthority(AUTHORITY))
			.addFilterBefore(new ScrapeTokenFilter(token), AnonymousAuthenticationFilter.class)
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new ProblemAuthenticationEntryPoint())
				.accessDeniedHandler((request, response, denied) -> new ProblemAuthenticationEntryPoint()
					.commence(request, response, new InsufficientAuthenticationException(denied.getMessage()))));
		return http.build();
	}

	/** Authenticates the scrape token, compared in constant time. */
	static final class ScrapeTokenFilter extends OncePerRequestFilter {

		private final byte @Nullable [] expected;

		ScrapeTokenFilter(String token) {
			this.expected = token.isBlank() ? null : sha256(token);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (this.expected != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
					&& MessageDigest.isEqual(this.expected, sha256(header.substring(7).strip()))) {
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
							List.of(new SimpleGrantedAuthority(AUTHORITY))));
			}
			chain.doFilter(request, response);
		}

		private static byte[] sha256(String value) {
			try {
				return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
