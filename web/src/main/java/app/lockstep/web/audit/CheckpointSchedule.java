package app.lockstep.web.audit;

import app.lockstep.domain.audit.SignCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs the head of every organization's chain once a day (by default at 03:00 UTC;
 * {@code lockstep.audit.checkpoint-cron}).
 */
@Component
class CheckpointSchedule {

	private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

	private final SignCheckpoint signCheckpoint;

	CheckpointSchedule(SignCheckpoint signCheckpoint) {
		this.signCheckpoint = signCheckpoint;
	}

	@Scheduled(cron = "${lockstep.audit.checkpoint-cron:0 0 3 * * *}", zone = "UTC")
	void signEveryChain() {
		SignCheckpoint.Signed result = this.signCheckpoint.signAll();
		log.info("Signed the audit chain heads of {} organizations", result.signed());
		if (!result.failed().isEmpty()) {
			log.error("Could not sign the audit chain heads of {} organizations: {}", result.failed().size(),
					result.failed());
		}
	}

}
