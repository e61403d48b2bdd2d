package app.lockstep.domain.deploy;

import java.time.Instant;
import java.util.List;

import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * The scheduler's view across organizations: which deployments need attention now. It
 * reads only ids, in a unit of work bound to no organization
 * ({@link app.lockstep.domain.shared.Transactions#forScheduler}); each one is then
 * handled in a unit of work bound to its organization.
 */
public interface DueDeployments {

	/**
	 * A deployment that needs attention, with the instant it became due when known (the
	 * scheduler measures how late it starts). Two are the same when they name the same
	 * deployment.
	 */
	record Due(OrgId org, DeploymentId id, @Nullable Instant dueAt) {

		public Due(OrgId org, DeploymentId id) {
			this(org, id, null);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Due that && this.org.equals(that.org) && this.id.equals(that.id);
		}

		@Override
		public int hashCode() {
			return 31 * this.org.hashCode() + this.id.hashCode();
		}

	}

	/**
	 * Pending deployments whose due time is at or before {@code now}, oldest due first.
	 */
	List<Due> pendingDue(Instant now, int limit);

	/** Running deployments whose deadline is at or before {@code now}. */
	List<Due> overdue(Instant now, int limit);

}
