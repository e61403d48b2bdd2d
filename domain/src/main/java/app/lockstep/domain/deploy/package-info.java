/**
 * Deployments: putting an (artifact, config revision) pair on an environment, through the
 * environment's approval gate ({@link app.lockstep.domain.deploy.ApprovalPolicy}) and
 * inside its deployment windows, now or at a chosen time; break-glass emergencies and
 * their review; the dispatcher that starts due deployments on the environment's deploy
 * target, and the deployer's status reports.
 */
@NullMarked
package app.lockstep.domain.deploy;

import org.jspecify.annotations.NullMarked;
