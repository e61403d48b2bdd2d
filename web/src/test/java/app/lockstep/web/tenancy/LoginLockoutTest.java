package app.lockstep.web.tenancy;

import java.time.Duration;
import java.util.UUID;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Repeated failed logins lock the account for a while, with a clear message; the lock
 * then lifts.
 */
@LockstepTest
class LoginLockoutTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void releaseClock() {
		this.clock.release();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountForFifteenMinutes() throws Exception {
		String email = "lock-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		String slug = "lock-" + UUID.randomUUID().toString().substring(0, 8);
		this.mvc
			.perform(post("/signup").with(csrf())
				.param("email", email)
				.param("name", "Lock Test")
				.param("password", "a-long-enough-secret")
				.param("orgName", "Lock Test")
				.param("orgSlug", slug)
				.param("timeZone", "UTC"))
			.andExpect(status().is3xxRedirection());
		this.clock.pin(java.time.Instant.now());
		for (int attempt = 1; attempt <= 4; attempt++) {
			this.mvc.perform(post("/login").with(csrf()).param("username", email).param("password", "wrong-" + attempt))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(post("/login").with(csrf()).param("username", email).param("password", "wrong-5"))
			.andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(post("/login").with(csrf()).param("username", email).param("password", "a-long-enough-secret"))
			.andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(get("/login?locked"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("locked for 15 minutes")));
		assertThatThrownBy(() -> new SessionCache(this.mvc).login(email, "a-long-enough-secret"))
			.hasMessageContaining("Login failed");

		this.clock.advance(Duration.ofMinutes(16));
		new SessionCache(this.mvc).login(email, "a-long-enough-secret");
	}

}
