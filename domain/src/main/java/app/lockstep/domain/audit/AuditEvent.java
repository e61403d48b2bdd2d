package app.lockstep.domain.audit;

import java.time.Instant;
import java.util.Map;

import app.lockstep.domain.shared.Actor;
import org.jspecify.annotations.Nullable;

/** One recorded change, as read back from the trail. */
public record AuditEvent(long seq, Instant at, Actor actor, String action, String targetType, @Nullable String targetId,
		@Nullable String projectSlug, @Nullable String environmentName, Map<String, Object> details) {
}
