package app.lockstep.domain.deploy;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How many deployments stand where right now, across all organizations, for the
 * operators' metrics: counts only, never an organization, project or id. Read in a unit
 * of work bound to no organization
 * ({@link app.lockstep.domain.shared.Transactions#forScheduler}).
 */
public interface DeploymentCounts {

	/**
	 * The deployments that are not finished, by status (finished ones are counted as they
	 * happen), and when the oldest one still awaiting approval was requested.
	 */
	record Open(Map<DeploymentStatus, Long> byStatus, @Nullable Instant oldestAwaitingApproval) {

		public Open {
			byStatus = Map.copyOf(byStatus);
		}

	}

	Open open();

}
