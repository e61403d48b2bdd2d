/**
 * Notification channels and deliveries; the scheduler's cross-organization view of due
 * deliveries.
 */
@NullMarked
package app.lockstep.persistence.notify;

import org.jspecify.annotations.NullMarked;
