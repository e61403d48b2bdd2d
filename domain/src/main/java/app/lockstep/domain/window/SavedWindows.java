package app.lockstep.domain.window;

import java.time.Instant;

/** An environment's saved rules, and who saved them when. */
public record SavedWindows(WindowRules rules, Instant updatedAt, String updatedBy) {
}
