package app.lockstep.web.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
	@Order(0)
	SecurityFilterChain metricsFilterChain(HttpSecurity http, @Value("${lockstep.metrics.token:}") String token)
			throws Exception {
		List<String> tokens = java.util.Arrays.stream(token.split(","))
			.map(String::strip)
			.filter((t) -> !t.isEmpty())
			.toList();
		if (tokens.isEmpty()) {
			log.info("No LOCKSTEP_METRICS_TOKEN: {} refuses every request", PROMETHEUS);
		}
		else if (tokens.stream().anyMatch((t) -> t.length() < 24)) {
			throw new IllegalStateException(
					"LOCKSTEP_METRICS_TOKEN is too short: use at least 24 random characters (openssl rand -hex 24).");
		}
		http.securityMatcher(PROMETHEUS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasAuthority(AUTHORITY))
			.addFilterBefore(new ScrapeTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(new ProblemAuthenticationEntryPoint())
						.accessDeniedHandler((request, response, denied) -> new ProblemAuthenticationEntryPoint()
							.commence(request, response, new InsufficientAuthenticationException(
									Objects.requireNonNullElse(denied.getMessage(), "Access denied")))));
		return http.build();
	}

	/**
	 * Authenticates a scrape token, compared in constant time. Several tokens
	 * (comma-separated) are accepted while one is rotated to the next.
	 */
	static final class ScrapeTokenFilter extends OncePerRequestFilter {

		private final List<byte[]> expected;

		ScrapeTokenFilter(List<String> tokens) {
			this.expected = tokens.stream().map(ScrapeTokenFilter::sha256).toList();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
					&& matches(header.substring(7).strip())) {
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
							List.of(new SimpleGrantedAuthority(AUTHORITY))));
			}
			chain.doFilter(request, response);
		}

		private boolean matches(String presented) {
			byte[] digest = sha256(presented);
			boolean matched = false;
			for (byte[] token : this.expected) {
				matched |= MessageDigest.isEqual(token, digest);
			}
			return matched;
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
