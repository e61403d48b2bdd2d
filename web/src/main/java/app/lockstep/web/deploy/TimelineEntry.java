package app.lockstep.web.deploy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.web.shared.ZoneTimes;

/**
 * One line of a deployment's own timeline: what happened in words, who did it, when, and
 * the details that matter (comment, reason, rule, message), times on the environment's
 * clock.
 */
public record TimelineEntry(String what, String actor, Instant at, String css, List<String> details) {

	private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("deployment.requested", "Requested"),
			Map.entry("deployment.approved", "Approved"), Map.entry("deployment.rejected", "Rejected"),
			Map.entry("deployment.changed", "Changed the request"), Map.entry("deployment.cancelled", "Cancelled"),
			Map.entry("deployment.scheduled", "Scheduled"),
			Map.entry("deployment.waiting_for_window", "Waiting for the window"),
			Map.entry("deployment.started", "Started"),
			Map.entry("deployment.delivery_failed", "Delivery failed, will retry"),
			Map.entry("deployment.succeeded", "Succeeded"), Map.entry("deployment.failed", "Failed"),
			Map.entry("deployment.reviewed", "Emergency reviewed"));

	/** The details worth a line, in this order, with their label. */
	private static final List<Map.Entry<String, String>> DETAILS = List.of(Map.entry("artifact", "Artifact"),
			Map.entry("configRevision", "Config revision"), Map.entry("scheduledAt", "Scheduled at"),
			Map.entry("note", "Note"), Map.entry("comment", "Comment"), Map.entry("reason", "Reason"),
			Map.entry("message", "Message"), Map.entry("blockedBy", "Blocked by"),
			Map.entry("windowBypassed", "Window bypassed"), Map.entry("dueAt", "Due"), Map.entry("nextOpenAt", "Opens"),
			Map.entry("approvalsVoided", "Approvals voided"), Map.entry("selfApproved", "Self-approved"),
			Map.entry("error", "Error"), Map.entry("attempt", "Attempt"), Map.entry("nextAttemptAt", "Next attempt"),
			Map.entry("target", "Target"), Map.entry("timedOut", "Timed out"));

	/** "by Dana", after what happened. */
	public String by() {
		return "by " + this.actor;
	}

	static List<TimelineEntry> of(List<AuditEvent> events, ZoneTimes times) {
		return events.stream().map((event) -> of(event, times)).toList();
	}

	static TimelineEntry of(AuditEvent event, ZoneTimes times) {
		String what = WORDS.getOrDefault(event.action(), event.action().replace("deployment.", "").replace('_', ' '));
		List<String> details = new ArrayList<>();
		for (Map.Entry<String, String> detail : DETAILS) {
			Object value = event.details().get(detail.getKey());
			boolean request = event.action().equals("deployment.requested")
					|| event.action().equals("deployment.changed");
			if (!request && (detail.getKey().equals("artifact") || detail.getKey().equals("configRevision"))) {
				continue;
			}
			if (value == null || "null".equals(String.valueOf(value)) || "".equals(value) || Boolean.FALSE.equals(value)
					|| ("approvalsVoided".equals(detail.getKey()) && "0".equals(String.valueOf(value)))) {
				continue;
			}
			String text = Boolean.TRUE.equals(value) ? "yes" : instantOrText(String.valueOf(value), times);
			details.add(detail.getValue() + ": " + text);
		}
		String css = event.action().substring(event.action().indexOf('.') + 1);
		return new TimelineEntry(what, event.actor().name(), event.at(), css, details);
	}

	private static String instantOrText(String value, ZoneTimes times) {
		if (value.length() >= 20 && value.endsWith("Z") && Character.isDigit(value.charAt(0))) {
			try {
				return times.at(Instant.parse(value));
			}
			catch (DateTimeParseException ex) {
				return value;
			}
		}
		return value;
	}

}
