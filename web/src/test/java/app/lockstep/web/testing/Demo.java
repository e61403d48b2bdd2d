package app.lockstep.web.testing;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The demo accounts, for tests that act as one of them. */
public final class Demo {

	public static final String PASSWORD = "lockstep-demo";

	private Demo() {
	}

	/**
	 * Signs the MockMvc request in as this demo account (through the real login, so the
	 * principal is real).
	 */
	public static RequestPostProcessor as(SessionCache sessions, String email) {
		return (request) -> {
			request.setSession(sessions.sessionOf(email));
			return request;
		};
	}

	public static RequestPostProcessor csrf() {
		return SecurityMockMvcRequestPostProcessors.csrf();
	}

}
