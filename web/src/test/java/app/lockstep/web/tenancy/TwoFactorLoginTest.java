package app.lockstep.web.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.web.tenancy.TenancyFixtures.Org;
import app.lockstep.web.tenancy.TwoFactorFixtures.Enabled;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Logging in with two-factor authentication over the whole stack: after the right
 * password the session reaches only the code page; a right code (once), or a recovery
 * code (once), signs the person in; five wrong codes lock the step for 15 minutes.
 */
@LockstepTest
class TwoFactorLoginTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ResolveMembership resolveMembership;

	TenancyFixtures fixtures;

	TwoFactorFixtures twoFactor;

	@BeforeEach
	void setUp() {
		this.clock.pin(Instant.parse("2026-12-04T09:00:00Z"));
		this.fixtures = new TenancyFixtures(this.mvc, this.resolveMembership);
		this.twoFactor = new TwoFactorFixtures(this.mvc, this.clock);
	}

	@AfterEach
	void releaseClock() {
		this.clock.release();
	}

	@Test
	void theSecurityPageShowsAQrCodeAndTheKeyAndSwitchesOnOnlyWithARightCode() throws Exception {
		Org org = this.fixtures.newOrg();
		MockHttpSession session = org.owner().session();
		this.mvc.perform(get("/account/security").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"two-factor-off\""),
					containsString("id=\"security-link\""), containsString("Set up two-factor authentication"))));
		this.mvc.perform(post("/account/security/setup").session(session).with(csrf()))
			.andExpect(redirectedUrl("/account/security/setup"));
		this.mvc.perform(get("/account/security/setup").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<svg xmlns=\"http://www.w3.org/2000/svg\""),
					containsString("aria-label=\"QR code to add Lockstep to your authenticator app\""),
					containsString("id=\"secret\">"))));
		this.mvc.perform(post("/account/security/setup/confirm").session(session).param("code", "000000").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"code-error\""), containsString("does not match"))));
		this.mvc.perform(get("/account/security").session(session))
			.andExpect(content().string(containsString("id=\"two-factor-off\"")));

		Enabled enabled = this.twoFactor.enable(org.owner());

		this.mvc.perform(get("/account/security").session(session))
			.andExpect(content().string(allOf(containsString("id=\"two-factor-on\""),
					containsString("Recovery codes left: <strong>10</strong>"))));
		assertThat(enabled.recoveryCodes()).doesNotHaveDuplicates();
	}

	@Test
	void afterThePasswordOnlyTheCodePageOpensAndARightCodeSignsIn() throws Exception {
		Org org = this.fixtures.newOrg();
		Enabled enabled = this.twoFactor.enable(org.owner());

		MockHttpSession waiting = this.twoFactor.password(org.owner().email());
		this.mvc.perform(get("/orgs/" + org.slug()).session(waiting)).andExpect(redirectedUrl("/login/code"));
		this.mvc.perform(get("/account/security").session(waiting)).andExpect(redirectedUrl("/login/code"));
		this.mvc.perform(get("/orgs/" + org.slug()).session(waiting).header("HX-Request", "true"))
			.andExpect(header().string("HX-Redirect", "/login/code"));
		this.mvc.perform(post("/orgs/" + org.slug() + "/settings").session(waiting).param("name", "X").with(csrf()))
			.andExpect(redirectedUrl("/login/code"));
		this.mvc.perform(get("/api/v1/orgs/" + org.slug() + "/projects").session(waiting))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/login/code").session(waiting))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Enter your code"), not(containsString("id=\"security-link\"")))));

		this.mvc.perform(this.twoFactor.submitCode(waiting, "123456")).andExpect(redirectedUrl("/login/code?error"));
		this.mvc.perform(get("/orgs/" + org.slug()).session(waiting)).andExpect(redirectedUrl("/login/code"));

		var signedIn = this.mvc.perform(this.twoFactor.submitCode(waiting, this.twoFactor.code(enabled.key())))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
		this.mvc.perform(get("/orgs/" + org.slug()).session(session)).andExpect(status().isOk());
	}

	@Test
	void aCodeWorksOnceEvenWithinItsThirtySeconds() throws Exception {
		Org org = this.fixtures.newOrg();
		Enabled enabled = this.twoFactor.enable(org.owner());
		String code = this.twoFactor.code(enabled.key());
		this.mvc.perform(this.twoFactor.submitCode(this.twoFactor.password(org.owner().email()), code))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(this.twoFactor.submitCode(this.twoFactor.password(org.owner().email()), code))
			.andExpect(redirectedUrl("/login/code?error"));
	}

	@Test
	void ofSixConcurrentLoginsWithTheSameCodeOnlyOneSucceeds() throws Exception {
		Org org = this.fixtures.newOrg();
		Enabled enabled = this.twoFactor.enable(org.owner());
		List<MockHttpSession> waiting = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			waiting.add(this.twoFactor.password(org.owner().email()));
		}
		String code = this.twoFactor.code(enabled.key());
		CyclicBarrier start = new CyclicBarrier(waiting.size());
		List<Future<String>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(waiting.size())) {
			for (MockHttpSession session : waiting) {
				answers.add(pool.submit(() -> {
					start.await();
					return this.mvc.perform(this.twoFactor.submitCode(session, code))
						.andReturn()
						.getResponse()
						.getRedirectedUrl();
				}));
			}
			List<String> outcomes = new ArrayList<>();
			for (Future<String> answer : answers) {
				outcomes.add(answer.get());
			}
			// The others are wrong codes (replays): refused, and the fifth wrong one in a
			// row locks the step.
			assertThat(outcomes).containsOnlyOnce("/")
				.filteredOn((url) -> !"/".equals(url))
				.isSubsetOf("/login/code?error", "/login/code?locked");
		}
	}

	@Test
	void aRecoveryCodeSignsInOnce() throws Exception {
		Org org = this.fixtures.newOrg();
		Enabled enabled = this.twoFactor.enable(org.owner());
		String recovery = enabled.recoveryCodes().get(0);
		var first = this.mvc.perform(this.twoFactor.submitCode(this.twoFactor.password(org.owner().email()), recovery))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) first.getRequest().getSession(false);
		this.mvc.perform(get("/account/security").session(session))
			.andExpect(content().string(containsString("Recovery codes left: <strong>9</strong>")));
		this.mvc.perform(this.twoFactor.submitCode(this.twoFactor.password(org.owner().email()), recovery))
			.andExpect(redirectedUrl("/login/code?error"));
	}

	@Test
	void fiveWrongCodesLockTheSecondStepForFifteenMinutes() throws Exception {
		Org org = this.fixtures.newOrg();
		Enabled enabled = this.twoFactor.enable(org.owner());
		MockHttpSession waiting = this.twoFactor.password(org.owner().email());
		for (int i = 1; i <= 4; i++) {
			this.mvc.perform(this.twoFactor.submitCode(waiting, "00000" + i))
				.andExpect(redirectedUrl("/login/code?error"));
		}
		this.mvc.perform(this.twoFactor.submitCode(waiting, "000005")).andExpect(redirectedUrl("/login/code?locked"));
		this.mvc.perform(this.twoFactor.submitCode(waiting, this.twoFactor.code(enabled.key())))
			.andExpect(redirectedUrl("/login/code?locked"));
		this.mvc.perform(this.twoFactor.submitCode(waiting, enabled.recoveryCodes().get(1)))
			.andExpect(redirectedUrl("/login/code?locked"));
		this.mvc.perform(get("/login/code?locked").session(waiting))
			.andExpect(content().string(containsString("locked for 15 minutes")));

		// Past the lock; the waiting session itself expired after 10 minutes.
		this.clock.advance(Duration.ofMinutes(16));
		this.mvc.perform(this.twoFactor.submitCode(waiting, this.twoFactor.code(enabled.key())))
			.andExpect(redirectedUrl("/login?expired"));
		this.mvc
			.perform(this.twoFactor.submitCode(this.twoFactor.password(org.owner().email()),
					this.twoFactor.code(enabled.key())))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void theCodeFormNeedsItsCsrfTokenAndAWaitingSession() throws Exception {
		Org org = this.fixtures.newOrg();
		Enabled enabled = this.twoFactor.enable(org.owner());
		MockHttpSession waiting = this.twoFactor.password(org.owner().email());
		this.mvc
			.perform(post("/login/code").session(waiting)
				.param("code", this.twoFactor.code(enabled.key()))
				.with(this.twoFactor.here()))
			.andExpect(status().isForbidden());
		this.mvc.perform(this.twoFactor.submitCode(new MockHttpSession(), this.twoFactor.code(enabled.key())))
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/login/code")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void switchingOffNeedsThePasswordOrACodeAndThenThePasswordAloneSignsIn() throws Exception {
		Org org = this.fixtures.newOrg();
		Enabled enabled = this.twoFactor.enable(org.owner());
		MockHttpSession session = org.owner().session();
		this.mvc.perform(post("/account/security/disable").session(session).param("proof", "wrong").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("neither your password nor a current code")));
		this.mvc
			.perform(post("/account/security/recovery-codes").session(session)
				.param("code", this.twoFactor.code(enabled.key()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"codes-replaced\"")));
		this.mvc
			.perform(post("/account/security/disable").session(session)
				.param("proof", TenancyFixtures.PASSWORD)
				.with(csrf()))
			.andExpect(redirectedUrl("/account/security"));
		this.mvc
			.perform(post("/login").param("username", org.owner().email())
				.param("password", TenancyFixtures.PASSWORD)
				.with(csrf())
				.with(this.twoFactor.here()))
			.andExpect(redirectedUrl("/"));
	}

}
