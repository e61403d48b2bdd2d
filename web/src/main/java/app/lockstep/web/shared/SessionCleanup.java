package app.lockstep.web.shared;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired browser sessions every hour, on one instance (Spring Session's own
 * clean-up, which would run on every instance, is switched off).
 */
@Component
class SessionCleanup {

	private final JdbcIndexedSessionRepository sessions;

	private final PeriodicJobs jobs;

	SessionCleanup(JdbcIndexedSessionRepository sessions, PeriodicJobs jobs) {
		this.sessions = sessions;
		this.jobs = jobs;
	}

	@Scheduled(cron = "${lockstep.sessions.cleanup-cron:0 17 * * * *}", zone = "UTC")
	void deleteExpired() {
		this.jobs.hourly("http-session-cleanup", this.sessions::cleanUpExpiredSessions);
	}

}
