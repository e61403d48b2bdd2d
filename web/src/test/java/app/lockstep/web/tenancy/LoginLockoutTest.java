package app.lockstep.web.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.lockstep.domain.tenancy.LoginAttempts;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Repeated failed logins lock the email address for a while, with a clear message; the
 * lock then lifts. Attempts are counted atomically in the database before any password is
 * checked, so concurrent guesses cannot slip past the lock, and an address without an
 * account answers exactly like one with an account.
 */
@LockstepTest
class LoginLockoutTest {

	private static final String PASSWORD = "a-long-enough-secret";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	LoginAttempts loginAttempts;

	@AfterEach
	void releaseClock() {
		this.clock.release();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountForFifteenMinutes() throws Exception {
		String email = signUp();
		this.clock.pin(Instant.parse("2026-12-01T10:00:00Z"));
		RequestPostProcessor here = from(someAddress());
		for (int attempt = 1; attempt <= 4; attempt++) {
			this.mvc.perform(login(email, "wrong-" + attempt).with(here)).andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(login(email, "wrong-5").with(here)).andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(login(email, PASSWORD).with(here)).andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(get("/login?locked"))
			.andExpect(content()
				.string(allOf(containsString("locked for 15 minutes"), not(containsString("this account")))));
		assertThatThrownBy(() -> new SessionCache(this.mvc).login(email, PASSWORD))
			.hasMessageContaining("Login failed");

		this.clock.advance(Duration.ofMinutes(16));
		new SessionCache(this.mvc).login(email, PASSWORD);
	}

	@Test
	void anAddressWithoutAnAccountAnswersExactlyLikeOneWithAnAccount() throws Exception {
		String existing = signUp();
		String missing = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		this.clock.pin(Instant.parse("2026-12-01T11:00:00Z"));
		RequestPostProcessor here = from(someAddress());
		List<String> forExisting = new ArrayList<>();
		List<String> forMissing = new ArrayList<>();
		for (int attempt = 1; attempt <= 6; attempt++) {
			forExisting.add(this.mvc.perform(login(existing, "wrong-" + attempt).with(here))
				.andReturn()
				.getResponse()
				.getRedirectedUrl());
			forMissing.add(this.mvc.perform(login(missing, "wrong-" + attempt).with(here))
				.andReturn()
				.getResponse()
				.getRedirectedUrl());
		}
		assertThat(forExisting).containsExactly("/login?error", "/login?error", "/login?error", "/login?error",
				"/login?locked", "/login?locked");
		assertThat(forMissing).isEqualTo(forExisting);
	}

	@Test
	void fortyConcurrentWrongGuessesGetNoMoreThanFiveChecksAndTheLockHolds() throws Exception {
		String email = signUp();
		this.clock.pin(Instant.parse("2026-12-01T12:00:00Z"));
		CyclicBarrier start = new CyclicBarrier(40);
		List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(40)) {
			for (int i = 0; i < 40; i++) {
				// Each from its own address, so only the limits of the email apply.
				String password = "wrong-" + i;
				RequestPostProcessor from = from(someAddress());
				answers.add(pool.submit(() -> {
					start.await();
					return this.mvc.perform(login(email, password).with(from)).andReturn().getResponse();
				}));
			}
			List<String> outcomes = new ArrayList<>();
			for (Future<MockHttpServletResponse> answer : answers) {
				MockHttpServletResponse response = answer.get();
				outcomes.add((response.getStatus() == 429) ? "429" : response.getRedirectedUrl());
			}
			Map<String, Long> counts = outcomes.stream()
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			// The in-memory limit lets 10 attempts with one address through; of those,
			// the database lets at most 5 be checked; the fifth wrong one locks.
			assertThat(counts.getOrDefault("429", 0L)).isEqualTo(30);
			assertThat(counts.getOrDefault("/login?error", 0L)).isLessThanOrEqualTo(4);
			assertThat(counts.getOrDefault("/login?locked", 0L) + counts.getOrDefault("/login?error", 0L))
				.isEqualTo(10);
			// Even the right password, once the in-memory limit has one attempt again.
			this.clock.advance(Duration.ofMinutes(2));
			this.mvc.perform(login(email, PASSWORD).with(from(someAddress())))
				.andExpect(redirectedUrl("/login?locked"));
		}
	}

	@Test
	void theDatabaseAdmitsExactlyFiveOfFortyConcurrentAttempts() throws Exception {
		String email = "race-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		this.clock.pin(Instant.parse("2026-12-01T13:00:00Z"));
		CyclicBarrier start = new CyclicBarrier(40);
		List<Future<Instant>> admissions = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(40)) {
			for (int i = 0; i < 40; i++) {
				admissions.add(pool.submit(() -> {
					start.await();
					return this.loginAttempts.admit(email);
				}));
			}
			int admitted = 0;
			for (Future<Instant> admission : admissions) {
				if (admission.get() == null) {
					admitted++;
				}
			}
			assertThat(admitted).isEqualTo(LoginAttempts.MAX_FAILURES);
		}
		assertThat(this.loginAttempts.admit(email)).isEqualTo(Instant.parse("2026-12-01T13:15:00Z"));
	}

	private String signUp() throws Exception {
		String email = "lock-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		String slug = "lock-" + UUID.randomUUID().toString().substring(0, 8);
		this.mvc
			.perform(post("/signup").with(csrf())
				.param("email", email)
				.param("name", "Lock Test")
				.param("password", PASSWORD)
				.param("orgName", "Lock Test")
				.param("orgSlug", slug)
				.param("timeZone", "UTC"))
			.andExpect(status().is3xxRedirection());
		return email;
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(String email,
			String password) {
		return post("/login").with(csrf()).param("username", email).param("password", password);
	}

	/** A private address of its own, so tests never share a rate limit. */
	static String someAddress() {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
	}

	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
