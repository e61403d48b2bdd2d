package app.lockstep.domain.window;

import java.time.Instant;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * Told when deployment windows changed, inside the transaction of the change, so that
 * what waits for a window is decided again at once rather than at the time the old rules
 * gave it (the deployments feature implements it).
 */
public interface WindowChanges {

	/** Nobody listens (for callers that need no follow-up). */
	WindowChanges NONE = (org, environment, actor, now) -> {
	};

	/**
	 * @param environment the environment whose rules changed, or null when the
	 * organization's freezes changed (they close every production environment)
	 * @param actor who changed them
	 */
	void changed(OrgId org, @Nullable EnvironmentId environment, Actor actor, Instant now);

}
