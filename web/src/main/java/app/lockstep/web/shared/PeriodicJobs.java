package app.lockstep.web.shared;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import app.lockstep.domain.shared.JobRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a periodic job's work for a period on one instance only: every instance's
 * scheduler fires, the first to claim the period in the database does the work, the
 * others skip it.
 */
@Component
public class PeriodicJobs {

	private static final Logger log = LoggerFactory.getLogger(PeriodicJobs.class);

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH")
		.withZone(ZoneOffset.UTC);

	private final JobRuns runs;

	private final Clock clock;

	private final String instance;

	PeriodicJobs(JobRuns runs, Clock clock, @Value("${spring.application.name:lockstep}") String application) {
		this.runs = runs;
		this.clock = clock;
		this.instance = application + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Runs the work unless another instance already ran this UTC day's. */
	public boolean daily(String job, Runnable work) {
		return once(job, this.clock.instant().truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10), work);
	}

	/** Runs the work unless another instance already ran this UTC hour's. */
	public boolean hourly(String job, Runnable work) {
		return once(job, HOUR.format(this.clock.instant()), work);
	}

	private boolean once(String job, String period, Runnable work) {
		if (!this.runs.claim(job, period, this.instance)) {
			log.debug("{} for {} ran on another instance", job, period);
			return false;
		}
		work.run();
		return true;
	}

}
