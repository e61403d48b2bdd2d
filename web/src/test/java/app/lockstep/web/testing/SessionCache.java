package app.lockstep.web.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Logs each account in once through the real form login and reuses its session. */
public final class SessionCache {

	private final MockMvc mvc;

	private final Map<String, MockHttpSession> sessions = new ConcurrentHashMap<>();

	public SessionCache(MockMvc mvc) {
		this.mvc = mvc;
	}

	public MockHttpSession sessionOf(String email) {
		return this.sessions.computeIfAbsent(email, this::login);
	}

	public MockHttpSession login(String email) {
		return login(email, Demo.PASSWORD);
	}

	public MockHttpSession login(String email, String password) {
		try {
			MvcResult result = this.mvc
				.perform(post("/login").param("username", email).param("password", password).with(csrf()))
				.andReturn();
			if (result.getResponse().getRedirectedUrl() == null
					|| result.getResponse().getRedirectedUrl().contains("/login")) {
				throw new IllegalStateException(
						"Login failed for " + email + ": " + result.getResponse().getRedirectedUrl());
			}
			return (MockHttpSession) result.getRequest().getSession(false);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
