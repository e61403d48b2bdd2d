package app.lockstep.domain.shared;

/**
 * Makes a periodic job run once across instances: each instance asks before it runs a
 * period's work, and exactly one is told yes.
 */
public interface JobRuns {

	/**
	 * Claims the job's period (such as {@code 2026-12-03} for a daily job) for this
	 * instance; false when another instance (or an earlier run of this one) has it.
	 */
	boolean claim(String job, String period, String instance);

}
