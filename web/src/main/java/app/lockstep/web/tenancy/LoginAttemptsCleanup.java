package app.lockstep.web.tenancy;

import app.lockstep.domain.tenancy.LoginAttempts;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets, every hour, the login counts of addresses nobody tried for a day: guesses at
 * made-up addresses do not pile up.
 */
@Component
class LoginAttemptsCleanup {

	private final LoginAttempts loginAttempts;

	LoginAttemptsCleanup(LoginAttempts loginAttempts) {
		this.loginAttempts = loginAttempts;
	}

	@Scheduled(fixedDelayString = "1h", initialDelayString = "1h")
	void forgetOld() {
		this.loginAttempts.forgetOld();
	}

}
