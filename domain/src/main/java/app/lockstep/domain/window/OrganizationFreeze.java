package app.lockstep.domain.window;

import java.time.Instant;

/**
 * A freeze of the whole organization, such as the year-end holiday freeze: it closes
 * every production environment.
 */
public record OrganizationFreeze(FreezeId id, Freeze freeze, String createdBy, Instant createdAt) {
}
