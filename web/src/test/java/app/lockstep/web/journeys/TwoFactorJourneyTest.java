package app.lockstep.web.journeys;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.lockstep.domain.twofactor.Base32;
import app.lockstep.domain.twofactor.Totp;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person switches on two-factor authentication in a real browser, as with an
 * authenticator app: the key shown on the page gives the codes (computed here, at the
 * server's pinned clock), then logging in asks for one after the password.
 */
@LockstepTest
class TwoFactorJourneyTest extends BrowserJourney {

	@Test
	void switchOnTwoFactorThenLogInWithACode() {
		this.clock.pin(Instant.parse("2026-12-04T09:00:00Z"));
		String id = UUID.randomUUID().toString().substring(0, 8);
		String email = "careful-" + id + "@example.test";
		browser.open("/signup")
			.type("#email", email)
			.type("#name", "Cass Careful")
			.type("#password", "a-much-longer-secret")
			.type("#orgName", "Careful " + id)
			.type("#orgSlug", "careful-" + id)
			.click("#signup-form button[type=submit]");
		browser.waitForText("No projects yet");

		browser.click(".navbar .dropdown-toggle:not(.org-switcher)").click("#security-link");
		browser.waitForPath("/account/security").find("#two-factor-off");
		browser.screenshot("two-factor-off");
		browser.click("#start-setup");
		browser.waitForPath("/account/security/setup").find("#qr-code svg");
		browser.screenshotPage("two-factor-setup");
		byte[] key = Base32.decode(browser.find("#secret").getText());

		browser.type("#code", "000000").click("#confirm-form button[type=submit]");
		browser.find("#code-error");
		browser.type("#code", Totp.code(key, this.clock.instant())).click("#confirm-form button[type=submit]");
		browser.waitForText("Two-factor authentication is on.");
		assertThat(browser.all("#recovery-codes li")).hasSize(10);
		browser.screenshotPage("two-factor-recovery-codes");

		this.clock.advance(Duration.ofSeconds(30));
		browser.logout()
			.open("/login")
			.type("#username", email)
			.type("#password", "a-much-longer-secret")
			.click("button[type=submit]");
		browser.waitForPath("/login/code").find("#code");
		browser.screenshot("two-factor-login-code");
		browser.open("/orgs/careful-" + id);
		browser.waitForPath("/login/code");
		browser.type("#code", Totp.code(key, this.clock.instant())).click("#code-form button[type=submit]");
		browser.waitForText("No projects yet");
		assertThat(browser.currentPath()).startsWith("/orgs/careful-" + id);

		browser.open("/account/security").find("#two-factor-on");
		assertThat(browser.text()).contains("Recovery codes left: 10 of 10.");
		browser.screenshotPage("two-factor-on");
	}

}
