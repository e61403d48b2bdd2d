package app.lockstep.web.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import app.lockstep.domain.audit.AuditEvent;
import org.jspecify.annotations.Nullable;

/**
 * One audit event as the page shows it: a one-line summary, and opened, the fields that
 * changed with their values before and after, the other details and the event's place in
 * the chain. Details never hold a secret value: the use cases record sensitive variables
 * by name only.
 */
record AuditRow(long seq, Instant at, String actorType, @Nullable String actorId, String actorName, String action,
		String targetType, @Nullable String targetId, String target, @Nullable String project,
		@Nullable String environment, String summary, List<Change> changes, List<Detail> details, @Nullable String ip,
		String prevHash, String hash) {

	static final int SUMMARY_LENGTH = 140;

	/** A field that changed. */
	record Change(String field, String before, String after) {
	}

	/** Any other detail, written as text. */
	record Detail(String key, String value) {
	}

	static AuditRow of(AuditEvent event) {
		List<Change> changes = new ArrayList<>();
		List<Detail> details = new ArrayList<>();
		event.details().forEach((key, value) -> {
			if ("changes".equals(key) && value instanceof Map<?, ?> changed) {
				changed.forEach((field, pair) -> {
					if (pair instanceof Map<?, ?> beforeAfter) {
						changes.add(new Change(String.valueOf(field), text(beforeAfter.get("before")),
								text(beforeAfter.get("after"))));
					}
				});
			}
			else {
				details.add(new Detail(key, text(value)));
			}
		});
		return new AuditRow(event.seq(), event.at(), event.actor().type().name(), event.actor().id(),
				event.actor().name(), event.action(), event.targetType(), event.targetId(),
				event.targetType() + ((event.targetId() != null) ? " " + shortId(event.targetId()) : ""),
				event.projectSlug(), event.environmentName(), summary(changes, details), List.copyOf(changes),
				List.copyOf(details), event.actor().ip(), event.prevHash(), event.hash());
	}

	/** The diff in one line: "name: Shop → Online shop; description: — → Described". */
	private static String summary(List<Change> changes, List<Detail> details) {
		String line;
		if (!changes.isEmpty()) {
			boolean created = changes.stream().allMatch((change) -> "—".equals(change.before()));
			line = created
					? "set " + changes.stream()
						.filter((change) -> !"—".equals(change.after()))
						.map((change) -> change.field() + " " + change.after())
						.collect(Collectors.joining(", "))
					: changes.stream()
						.map((change) -> change.field() + ": " + change.before() + " → " + change.after())
						.collect(Collectors.joining("; "));
		}
		else {
			line = details.stream()
				.filter((detail) -> !"—".equals(detail.value()))
				.map((detail) -> detail.key() + ": " + detail.value())
				.collect(Collectors.joining("; "));
		}
		return (line.length() > SUMMARY_LENGTH) ? line.substring(0, SUMMARY_LENGTH - 1) + "…" : line;
	}

	/**
	 * The action's kind for its chip's colour, from its last word: {@code create},
	 * {@code delete}, {@code approve}, {@code reject}, {@code update} or {@code other}.
	 */
	/** The title of the action chip, which filters the log by it. */
	public String onlyAction() {
		return "Only " + this.action + " events";
	}

	/** " / production", after the project. */
	public String environmentSuffix() {
		return " / " + this.environment;
	}

	/** The summary, or "No details" for an event with none. */
	public String summaryOrNone() {
		return this.summary.isEmpty() ? "No details" : this.summary;
	}

	/** The start of the event's hash ("ab12…"). */
	public String shortHash() {
		return this.hash.substring(0, 16) + "…";
	}

	/** "2026-11-22 10:00:00.000 UTC", to the millisecond. */
	public String atUtc() {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
			.withZone(ZoneOffset.UTC)
			.format(this.at) + " UTC";
	}

	/** " 1234", the actor's id after their type. */
	public String actorIdSuffix() {
		return " " + this.actorId;
	}

	public String actionKind() {
		String verb = this.action.substring(this.action.lastIndexOf('.') + 1);
		return switch (verb) {
			case "created", "added", "invited", "joined", "registered", "requested", "imported", "signed" -> "create";
			case "deleted", "removed", "revoked", "cancelled", "failed", "left" -> "delete";
			case "approved", "succeeded", "reviewed", "accepted", "restored" -> "approve";
			case "rejected", "refused", "expired", "blocked" -> "reject";
			case "updated", "changed", "renamed", "moved", "saved", "edited", "started", "scheduled" -> "update";
			default -> "other";
		};
	}

	public String changedFields() {
		return this.changes.stream().map(Change::field).collect(Collectors.joining(", "));
	}

	private static String shortId(String id) {
		return (id.length() > 12) ? id.substring(0, 8) : id;
	}

	static String text(@Nullable Object value) {
		if (value == null || "".equals(value)) {
			return "—";
		}
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + text(entry.getValue()))
				.collect(Collectors.joining(", ", "{", "}"));
		}
		if (value instanceof Collection<?> items) {
			return items.isEmpty() ? "—" : items.stream().map(AuditRow::text).collect(Collectors.joining(", "));
		}
		return String.valueOf(value);
	}

}
