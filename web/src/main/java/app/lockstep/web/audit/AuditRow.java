package app.lockstep.web.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.audit.AuditEvent;
import org.jspecify.annotations.Nullable;

/**
 * One audit event as the page shows it: the changed fields as "field: before → after"
 * lines.
 */
record AuditRow(long seq, Instant at, String actorType, String actorName, String action, String target,
		@Nullable String project, @Nullable String environment, List<String> changes, @Nullable String ip) {

	static AuditRow of(AuditEvent event) {
		return new AuditRow(event.seq(), event.at(), event.actor().type().name(), event.actor().name(), event.action(),
				event.targetType() + ((event.targetId() != null) ? " " + shortId(event.targetId()) : ""),
				event.projectSlug(), event.environmentName(), describe(event.details()), event.actor().ip());
	}

	private static String shortId(String id) {
		return (id.length() > 12) ? id.substring(0, 8) : id;
	}

	@SuppressWarnings("unchecked")
	private static List<String> describe(Map<String, Object> details) {
		List<String> lines = new ArrayList<>();
		details.forEach((key, value) -> {
			if ("changes".equals(key) && value instanceof Map<?, ?> changes) {
				changes.forEach((field, pair) -> {
					if (pair instanceof Map<?, ?> beforeAfter) {
						lines.add(field + ": " + text(beforeAfter.get("before")) + " → "
								+ text(beforeAfter.get("after")));
					}
				});
			}
			else {
				lines.add(key + ": " + text(value));
			}
		});
		return lines;
	}

	private static String text(@Nullable Object value) {
		if (value == null || "".equals(value)) {
			return "—";
		}
		return String.valueOf(value);
	}

}
