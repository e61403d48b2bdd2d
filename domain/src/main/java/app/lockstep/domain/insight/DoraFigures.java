package app.lockstep.domain.insight;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The four DORA metrics of one period: successful deployments (and per day), the median
 * lead time from commit to success, the share of finished deployments that were change
 * failures, and the median time from a failure to the next good deployment (null where
 * there is nothing to measure).
 */
public record DoraFigures(int deployments, double perDay, @Nullable Duration leadTime, int finished, int failures,
		@Nullable Duration timeToRestore) {

	/** Change failure rate, 0 to 1; 0 when nothing finished. */
	public double changeFailureRate() {
		return (this.finished == 0) ? 0 : (double) this.failures / this.finished;
	}

}
