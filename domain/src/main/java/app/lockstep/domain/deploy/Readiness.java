package app.lockstep.domain.deploy;

import java.time.Duration;
import java.time.Instant;

import app.lockstep.domain.window.WindowDecision;
import org.jspecify.annotations.Nullable;

/**
 * Where an approved (or gate-free) deployment goes next, decided from its schedule and
 * its environment's windows: {@code scheduled} until its time; at its time, running when
 * the window is open, else {@code waiting_for_window} until the next open instant.
 * Emergencies ignore windows.
 */
record Readiness(DeploymentStatus status, Instant dueAt, @Nullable String blockedBy) {

	/** How long to wait before looking again when no window opens within the horizon. */
	static final Duration NO_OPENING_RETRY = Duration.ofHours(1);

	/**
	 * @param at the instant the deployment should start (its schedule, or now)
	 * @param decision the windows' decision at {@code at}
	 */
	static Readiness of(Instant at, boolean emergency, WindowDecision decision) {
		if (emergency || decision.open()) {
			return new Readiness(DeploymentStatus.SCHEDULED, at, null);
		}
		Instant next = (decision.nextOpenAt() != null) ? decision.nextOpenAt() : at.plus(NO_OPENING_RETRY);
		return new Readiness(DeploymentStatus.WAITING_FOR_WINDOW, next, decision.holdingRule());
	}

}
