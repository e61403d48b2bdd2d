package app.lockstep.web.audit;

import app.lockstep.domain.audit.SignCheckpoint;
import app.lockstep.web.shared.PeriodicJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs the head of every organization's chain once a day (by default at 03:00 UTC;
 * {@code lockstep.audit.checkpoint-cron}), on one instance.
 */
@Component
class CheckpointSchedule {

	private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

	private final SignCheckpoint signCheckpoint;

	private final PeriodicJobs jobs;

	CheckpointSchedule(SignCheckpoint signCheckpoint, PeriodicJobs jobs) {
		this.signCheckpoint = signCheckpoint;
		this.jobs = jobs;
	}

	@Scheduled(cron = "${lockstep.audit.checkpoint-cron:0 0 3 * * *}", zone = "UTC")
	void signEveryChain() {
		this.jobs.daily("audit-checkpoints", this::sign);
	}

	private void sign() {
		SignCheckpoint.Signed result = this.signCheckpoint.signAll();
		log.info("Signed the audit chain heads of {} organizations", result.signed());
		if (!result.failed().isEmpty()) {
			log.error("Could not sign the audit chain heads of {} organizations: {}", result.failed().size(),
					result.failed());
		}
	}

}
