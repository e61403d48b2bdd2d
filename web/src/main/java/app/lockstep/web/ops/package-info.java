/**
 * What operators see: Lockstep's own meters (published at {@code /actuator/prometheus}
 * for the scrape token only) and the diagnostic context of each request's log lines.
 */
@NullMarked
package app.lockstep.web.ops;

import org.jspecify.annotations.NullMarked;
