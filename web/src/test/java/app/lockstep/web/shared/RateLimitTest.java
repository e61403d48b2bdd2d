package app.lockstep.web.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rate limits of the public routes, at their configured values (login: 20/5m per
 * address, 10/15m per email; webhooks: 300/1m per address, 60/1m per hook): once spent,
 * 429 with Retry-After, the login page for the form and problem+json for the webhooks;
 * other addresses and hooks are not held up, a successful login uses up nothing, and the
 * allowance comes back with time.
 */
@LockstepTest
class RateLimitTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void releaseClock() {
		this.clock.release();
	}

	@Test
	void twentyUnsuccessfulLoginsFromOneAddressThenItWaits() throws Exception {
		this.clock.pin(Instant.parse("2026-12-02T09:00:00Z"));
		RequestPostProcessor attacker = from(someAddress());
		for (int i = 0; i < 20; i++) {
			this.mvc.perform(login(someEmail(), "guess-" + i).with(attacker)).andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(login(someEmail(), "guess-21").with(attacker))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "15"))
			.andExpect(content().string(allOf(containsString("id=\"login-throttled\""),
					containsString("Wait 15 seconds"), containsString("name=\"password\""))));
		// The right password too: nothing is checked from there for now.
		this.mvc.perform(login("viewer@acme.test", "lockstep-demo").with(attacker))
			.andExpect(status().isTooManyRequests());
		// Another address is not held up.
		this.mvc.perform(login("viewer@acme.test", "lockstep-demo").with(from(someAddress())))
			.andExpect(redirectedUrl("/"));
		// One attempt comes back every 15 seconds.
		this.clock.advance(Duration.ofSeconds(15));
		this.mvc.perform(login(someEmail(), "guess-22").with(attacker)).andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(login(someEmail(), "guess-23").with(attacker)).andExpect(status().isTooManyRequests());
	}

	@Test
	void successfulLoginsUseUpNoAllowance() throws Exception {
		RequestPostProcessor office = from(someAddress());
		for (int i = 0; i < 25; i++) {
			this.mvc.perform(login("viewer@acme.test", "lockstep-demo").with(office)).andExpect(redirectedUrl("/"));
		}
	}

	@Test
	void tenAttemptsWithOneEmailFromAnywhereThenItWaits() throws Exception {
		this.clock.pin(Instant.parse("2026-12-02T10:00:00Z"));
		String email = someEmail();
		for (int i = 0; i < 10; i++) {
			this.mvc.perform(login(email, "guess-" + i).with(from(someAddress())))
				.andExpect(status().is3xxRedirection());
		}
		this.mvc.perform(login(email, "guess-11").with(from(someAddress())))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "90"));
	}

	@Test
	void sixtyDeliveriesToOneHookPerMinuteThenProblemJson() throws Exception {
		this.clock.pin(Instant.parse("2026-12-02T11:00:00Z"));
		String hook = someHookId();
		for (int i = 0; i < 60; i++) {
			this.mvc.perform(delivery(hook).with(from(someAddress()))).andExpect(status().isNotFound());
		}
		this.mvc.perform(delivery(hook).with(from(someAddress())))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.detail", containsString("Too many deliveries to this webhook")));
		this.mvc.perform(delivery(someHookId()).with(from(someAddress()))).andExpect(status().isNotFound());
		this.clock.advance(Duration.ofSeconds(1));
		this.mvc.perform(delivery(hook).with(from(someAddress()))).andExpect(status().isNotFound());
	}

	@Test
	void threeHundredDeliveriesFromOneAddressPerMinuteThenProblemJson() throws Exception {
		this.clock.pin(Instant.parse("2026-12-02T12:00:00Z"));
		RequestPostProcessor sender = from(someAddress());
		for (int i = 0; i < 300; i++) {
			this.mvc.perform(delivery(someHookId()).with(sender)).andExpect(status().isNotFound());
		}
		this.mvc.perform(delivery(someHookId()).with(sender))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.detail", containsString("Too many webhook deliveries from this address")));
		this.mvc.perform(delivery(someHookId()).with(from(someAddress()))).andExpect(status().isNotFound());
	}

	@Test
	void anIpv6ClientIsCountedByItsSlash64() throws Exception {
		this.clock.pin(Instant.parse("2026-12-02T13:00:00Z"));
		String prefix = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)) + ":1:";
		for (int i = 0; i < 20; i++) {
			this.mvc.perform(login(someEmail(), "guess").with(from(prefix + Integer.toHexString(i + 1) + "::1")))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(login(someEmail(), "guess").with(from(prefix + "ffff::1")))
			.andExpect(status().isTooManyRequests());
	}

	private static MockHttpServletRequestBuilder login(String email, String password) {
		return post("/login").with(csrf()).param("username", email).param("password", password);
	}

	private static MockHttpServletRequestBuilder delivery(String hook) {
		return post("/api/v1/hooks/github/" + hook).contentType(MediaType.APPLICATION_JSON)
			.header("X-GitHub-Event", "push")
			.content("{}");
	}

	private static String someEmail() {
		return "guess-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
	}

	private static String someHookId() {
		return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 32);
	}

	private static String someAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
