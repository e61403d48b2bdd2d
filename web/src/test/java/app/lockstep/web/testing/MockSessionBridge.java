package app.lockstep.web.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Lets MockMvc tests keep writing {@code .session(mockSession)} although sessions live in
 * the database (Spring Session JDBC, which finds a session by its cookie and never looks
 * at the MockHttpSession): before Spring Session's filter, the database session's id kept
 * on the mock session is sent as the session cookie; after the request, the cookie the
 * application set is kept on the mock session. Only MockMvc requests are touched; real
 * HTTP requests to the test server pass through as they are.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockSessionBridge {

	static final String COOKIE = "SESSION";

	private static final String SECURITY_CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

	private static final String KEPT = MockSessionBridge.class.getName() + ".cookie";

	@Bean
	FilterRegistrationBean<Filter> mockSessionBridgeFilter(SessionRepository<?> sessions) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				(request, response, chain) -> bridge(sessions, request, response, chain));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	private static void bridge(SessionRepository<?> sessions, ServletRequest request, ServletResponse response,
			FilterChain chain) throws IOException, ServletException {
		if (!(request instanceof MockHttpServletRequest mock)
				|| !(response instanceof MockHttpServletResponse mockResponse)) {
			chain.doFilter(request, response);
			return;
		}
		HttpSession session = mock.getSession(false);
		Object kept = (session != null) ? session.getAttribute(KEPT) : null;
		boolean hasCookie = mock.getCookies() != null
				&& Arrays.stream(mock.getCookies()).anyMatch((cookie) -> cookie.getName().equals(COOKIE));
		HttpServletRequest forwarded = (kept instanceof String value && !hasCookie) ? withCookie(mock, value) : mock;
		chain.doFilter(forwarded, response);
		Cookie set = mockResponse.getCookie(COOKIE);
		if (set != null) {
			HttpSession target = mock.getSession(true);
			if (set.getMaxAge() == 0 || set.getValue().isEmpty()) {
				target.removeAttribute(KEPT);
			}
			else {
				target.setAttribute(KEPT, set.getValue());
				// What a test may read from the session it logged in with: who is signed
				// in.
				String id = new String(Base64.getDecoder().decode(set.getValue()), StandardCharsets.UTF_8);
				Session stored = sessions.findById(id);
				if (stored != null) {
					target.setAttribute(SECURITY_CONTEXT, stored.getAttribute(SECURITY_CONTEXT));
				}
			}
		}
	}

	private static HttpServletRequest withCookie(HttpServletRequest request, String value) {
		return new HttpServletRequestWrapper(request) {
			@Override
			public Cookie[] getCookies() {
				List<Cookie> cookies = new ArrayList<>();
				if (super.getCookies() != null) {
					cookies.addAll(Arrays.asList(super.getCookies()));
				}
				cookies.add(new Cookie(COOKIE, value));
				return cookies.toArray(Cookie[]::new);
			}
		};
	}

}
