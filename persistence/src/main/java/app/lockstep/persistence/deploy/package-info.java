/**
 * Deployments, their approvals, approval policies and deploy targets; the scheduler's
 * cross-organization view of due deployments.
 */
@NullMarked
package app.lockstep.persistence.deploy;

import org.jspecify.annotations.NullMarked;
