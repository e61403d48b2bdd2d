package app.lockstep.web.tenancy;

import java.time.Clock;
import java.time.Duration;

import app.lockstep.domain.shared.RateLimitBuckets;
import app.lockstep.web.shared.PeriodicJobs;

import app.lockstep.domain.tenancy.LoginAttempts;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets, every hour, the login counts of addresses nobody tried for a day: guesses at
 * made-up addresses do not pile up; and the rate-limit buckets untouched for a day. On
 * one instance.
 */
@Component
class LoginAttemptsCleanup {

	private final LoginAttempts loginAttempts;

	private final PeriodicJobs jobs;

	private final RateLimitBuckets buckets;

	private final Clock clock;

	LoginAttemptsCleanup(LoginAttempts loginAttempts, PeriodicJobs jobs, RateLimitBuckets buckets, Clock clock) {
		this.loginAttempts = loginAttempts;
		this.jobs = jobs;
		this.buckets = buckets;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "1h", initialDelayString = "1h")
	void forgetOld() {
		this.jobs.hourly("login-attempts-cleanup", () -> {
			this.loginAttempts.forgetOld();
			// A bucket untouched for a day is full again: forgetting it changes nothing.
			this.buckets.forgetIdle(this.clock.instant().minus(Duration.ofDays(1)));
		});
	}

}
