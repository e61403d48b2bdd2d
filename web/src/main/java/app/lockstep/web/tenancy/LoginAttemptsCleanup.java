package app.lockstep.web.tenancy;

import app.lockstep.web.shared.PeriodicJobs;

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

	private final PeriodicJobs jobs;

	LoginAttemptsCleanup(LoginAttempts loginAttempts, PeriodicJobs jobs) {
		this.loginAttempts = loginAttempts;
		this.jobs = jobs;
	}

	@Scheduled(fixedDelayString = "1h", initialDelayString = "1h")
	void forgetOld() {
		this.jobs.hourly("login-attempts-cleanup", this.loginAttempts::forgetOld);
	}

}
