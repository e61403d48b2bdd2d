/**
 * Insight into delivery: the four DORA metrics (deployment frequency, lead time for
 * changes, change failure rate, time to restore) over a period, against the previous one.
 */
@NullMarked
package app.lockstep.domain.insight;

import org.jspecify.annotations.NullMarked;
