/**
 * Deployments on the web: the pages (requests, the approval and review queues, gate and
 * target settings), the scheduler that starts due deployments and the HTTP client that
 * hands them to a team's deployer.
 */
@NullMarked
package app.lockstep.web.deploy;

import org.jspecify.annotations.NullMarked;
