package app.lockstep.domain.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a use case appends to the audit trail: the action (such as
 * {@code project.created}), its target, the project and environment it concerns, and
 * details (before/after of changed fields; never a secret value).
 */
public record AuditEntry(String action, String targetType, @Nullable String targetId, @Nullable String projectSlug,
		@Nullable String environmentName, Map<String, Object> details) {

	public AuditEntry {
		details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

	public static Builder of(String action, String targetType, @Nullable String targetId) {
		return new Builder(action, targetType, targetId);
	}

	public static final class Builder {

		private final String action;

		private final String targetType;

		private final @Nullable String targetId;

		private @Nullable String projectSlug;

		private @Nullable String environmentName;

		private final Map<String, Object> details = new LinkedHashMap<>();

		private Builder(String action, String targetType, @Nullable String targetId) {
			this.action = action;
			this.targetType = targetType;
			this.targetId = targetId;
		}

		public Builder project(@Nullable String slug) {
			this.projectSlug = slug;
			return this;
		}

		public Builder environment(@Nullable String name) {
			this.environmentName = name;
			return this;
		}

		public Builder detail(String key, @Nullable Object value) {
			this.details.put(key, (value != null) ? value : "");
			return this;
		}

		/**
		 * Records the fields that differ as {@code {"field": {"before": x, "after": y}}}.
		 */
		public Builder changes(Map<String, ? extends @Nullable Object> before,
				Map<String, ? extends @Nullable Object> after) {
			Map<String, Object> changed = new LinkedHashMap<>();
			for (String key : after.keySet()) {
				Object old = before.get(key);
				Object now = after.get(key);
				if (!java.util.Objects.equals(old, now)) {
					Map<String, Object> pair = new LinkedHashMap<>();
					pair.put("before", (old != null) ? old : "");
					pair.put("after", (now != null) ? now : "");
					changed.put(key, pair);
				}
			}
			this.details.put("changes", changed);
			return this;
		}

		public AuditEntry build() {
			return new AuditEntry(this.action, this.targetType, this.targetId, this.projectSlug, this.environmentName,
					this.details);
		}

	}

}
