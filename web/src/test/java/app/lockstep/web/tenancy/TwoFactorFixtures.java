package app.lockstep.web.tenancy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.domain.twofactor.Base32;
import app.lockstep.domain.twofactor.Totp;
import app.lockstep.web.tenancy.TenancyFixtures.Person;
import app.lockstep.web.testing.MutableClock;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Switches two-factor authentication on through the pages, as a person would, and
 * computes codes from the secret the page showed, at the test's pinned clock.
 */
final class TwoFactorFixtures {

	static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)</code>");

	private static final Pattern RECOVERY_CODE = Pattern.compile("<code>([A-Z2-9]{4}(?:-[A-Z2-9]{4}){3})</code>");

	private final MockMvc mvc;

	private final MutableClock clock;

	/** Each test logs in from its own address, so rate limits are never shared. */
	private final String address;

	TwoFactorFixtures(MockMvc mvc, MutableClock clock) {
		this.mvc = mvc;
		this.clock = clock;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.address = "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
	}

	/** What enabling gave: the secret (as the app holds it) and the recovery codes. */
	record Enabled(byte[] key, List<String> recoveryCodes) {
	}

	Enabled enable(Person person) throws Exception {
		this.mvc.perform(post("/account/security/setup").session(person.session()).with(csrf()));
		String setup = this.mvc.perform(get("/account/security/setup").session(person.session()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher secret = SECRET.matcher(setup);
		assertThat(secret.find()).as("the secret on the setup page").isTrue();
		byte[] key = Base32.decode(secret.group(1));
		MvcResult confirmed = this.mvc.perform(
				post("/account/security/setup/confirm").session(person.session()).param("code", code(key)).with(csrf()))
			.andReturn();
		assertThat(confirmed.getResponse().getStatus()).isEqualTo(200);
		List<String> codes = new ArrayList<>();
		Matcher recovery = RECOVERY_CODE.matcher(confirmed.getResponse().getContentAsString());
		while (recovery.find()) {
			codes.add(recovery.group(1));
		}
		assertThat(codes).hasSize(10);
		// The confirming code's step is used: the next code comes from the next step.
		this.clock.advance(Duration.ofSeconds(30));
		return new Enabled(key, codes);
	}

	String code(byte[] key) {
		return Totp.code(key, this.clock.instant());
	}

	/** The password step: its session waits for the code. */
	MockHttpSession password(String email) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/login").param("username", email)
				.param("password", TenancyFixtures.PASSWORD)
				.with(csrf())
				.with(here()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login/code");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	MockHttpServletRequestBuilder submitCode(MockHttpSession session, String code) {
		return post("/login/code").session(session).param("code", code).with(csrf()).with(here());
	}

	RequestPostProcessor here() {
		return (request) -> {
			request.setRemoteAddr(this.address);
			return request;
		};
	}

}
