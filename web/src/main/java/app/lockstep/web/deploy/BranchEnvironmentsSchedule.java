package app.lockstep.web.deploy;

import app.lockstep.domain.deploy.BranchEnvironmentLifecycle;
import app.lockstep.web.shared.PeriodicJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deactivates branch environments idle past their project's rule, once an hour across
 * instances ({@link PeriodicJobs}); pushes to a project check its own on the way too. Off
 * with the scheduler ({@code lockstep.scheduler.enabled=false}, as in the tests).
 */
@Component
class BranchEnvironmentsSchedule {

	private static final Logger log = LoggerFactory.getLogger(BranchEnvironmentsSchedule.class);

	private final BranchEnvironmentLifecycle lifecycle;

	private final PeriodicJobs jobs;

	private final boolean enabled;

	BranchEnvironmentsSchedule(BranchEnvironmentLifecycle lifecycle, PeriodicJobs jobs,
			@Value("${lockstep.scheduler.enabled:true}") boolean enabled) {
		this.lifecycle = lifecycle;
		this.jobs = jobs;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "10m", initialDelayString = "1m")
	void sweep() {
		if (!this.enabled) {
			return;
		}
		try {
			this.jobs.hourly("branch-environments-idle", () -> {
				int count = this.lifecycle.sweepIdle();
				if (count > 0) {
					log.info("Deactivated {} idle branch environments", count);
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("Deactivating idle branch environments failed; the next hour tries again", ex);
		}
	}

}
