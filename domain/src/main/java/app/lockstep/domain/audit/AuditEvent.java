package app.lockstep.domain.audit;

import java.time.Instant;
import java.util.Map;

import app.lockstep.domain.shared.Actor;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change, as read back from the trail, with its place in the organization's
 * hash chain ({@code prevHash}, {@code hash}; see {@link AuditChain}).
 */
public record AuditEvent(long seq, Instant at, Actor actor, String action, String targetType, @Nullable String targetId,
		@Nullable String projectSlug, @Nullable String environmentName, Map<String, Object> details, String prevHash,
		String hash) {
}
