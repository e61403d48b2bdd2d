package app.lockstep.domain.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.code.CodeChange;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the audit trail and the code changes record into timeline entries: a kind, a
 * readable sentence, a few detail lines and a link. Actions it does not know yet still
 * show: the action in words, with the fields they changed.
 */
final class TimelineText {

	/**
	 * Times inside an entry, on the environment's clock with the zone named, as the
	 * entry's own time is: one rule on the page.
	 */
	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz",
			Locale.ENGLISH);

	private TimelineText() {
	}

	/** The kind an audit action belongs to. */
	static TimelineKind kindOf(String action) {
		return switch (action) {
			case "deployment.approved", "deployment.rejected", "deployment.reviewed" -> TimelineKind.APPROVAL;
			case "windows.updated", "approval_policy.updated", "deploy_target.updated", "freeze.added",
					"freeze.removed" ->
				TimelineKind.POLICY;
			default -> {
				String prefix = prefix(action);
				yield switch (prefix) {
					case "config" -> TimelineKind.CONFIG;
					case "deployment" -> TimelineKind.DEPLOYMENT;
					case "approval" -> TimelineKind.APPROVAL;
					case "windows", "freeze", "approval_policy", "deploy_target" -> TimelineKind.POLICY;
					default -> TimelineKind.ENVIRONMENT;
				};
			}
		};
	}

	static TimelineEntry ofEvent(AuditEvent event, ZoneId zone) {
		Map<String, Object> details = event.details();
		List<String> lines = new ArrayList<>();
		TimelineLink link = null;
		String title;
		switch (event.action()) {
			case "config.revision_created", "config.revision_restored" -> {
				Integer number = integer(details.get("revision"));
				Integer restoredFrom = integer(details.get("restoredFrom"));
				title = "Config revision " + ((number != null) ? number : "?")
						+ ((restoredFrom != null) ? " restored from revision " + restoredFrom : " saved");
				addLine(lines, "", details.get("summary"));
				String message = text(details.get("message"));
				if (message != null && restoredFrom == null) {
					lines.add("“" + message + "”");
				}
				if (details.get("variablesChanged") instanceof List<?> names && !names.isEmpty()) {
					lines.add("Variables: " + join(names));
				}
				if (number != null) {
					link = (number > 1) ? new TimelineLink.ConfigDiff(number - 1, number)
							: new TimelineLink.ConfigRevision(number);
				}
			}
			case "config.secrets_read" -> title = "Config read with its secret values";
			case "windows.updated" -> {
				title = "Deployment windows changed";
				changes(lines, details);
			}
			case "environment.created" -> title = "Environment created";
			case "environment.updated" -> {
				title = "Environment settings changed";
				changes(lines, details);
			}
			case "freeze.added", "freeze.removed" -> {
				String reason = text(details.get("reason"));
				title = "Organization-wide freeze " + (event.action().equals("freeze.added") ? "added" : "removed")
						+ ((reason != null) ? ": " + reason : "");
				String start = instant(details.get("start"), zone);
				String end = instant(details.get("end"), zone);
				if (start != null && end != null) {
					lines.add("From " + start + " to " + end + " (every production environment)");
				}
			}
			default -> {
				if (event.action().startsWith("deployment.")) {
					title = deploymentTitle(event.action(), details);
					deploymentLines(lines, details, zone);
					if ("deployment".equals(event.targetType()) && event.targetId() != null) {
						link = new TimelineLink.Deployment(event.targetId());
					}
				}
				else {
					title = words(event.action());
					changes(lines, details);
				}
			}
		}
		return new TimelineEntry("event-" + event.seq(), kindOf(event.action()), event.at(), title, lines,
				event.actor().name(), link);
	}

	static TimelineEntry ofCommit(CodeChange change, ZoneId zone) {
		List<String> lines = new ArrayList<>();
		String author = change.author();
		lines.add(change.shortSha() + " on " + change.branch()
				+ ((author != null && !author.isBlank()) ? " by " + author : "") + ", committed "
				+ MINUTES.format(change.committedAt().atZone(zone)));
		String title = change.title().isEmpty() ? "Commit " + change.shortSha() : change.title();
		return new TimelineEntry("commit-" + change.sha(), TimelineKind.CODE, change.receivedAt(), title, lines, author,
				(change.url() != null && !change.url().isBlank()) ? new TimelineLink.Commit(change.url()) : null);
	}

	private static String deploymentTitle(String action, Map<String, Object> details) {
		String artifact = text(details.get("artifact"));
		boolean emergency = Boolean.TRUE.equals(details.get("emergency"))
				|| "true".equals(String.valueOf(details.get("emergency")));
		String what = (emergency ? "Emergency deployment" : "Deployment")
				+ ((artifact != null) ? " of " + artifact : "");
		return switch (action) {
			case "deployment.requested" -> what + " requested";
			case "deployment.approved" -> what + " approved";
			case "deployment.rejected" -> what + " rejected";
			case "deployment.changed" -> what + " changed";
			case "deployment.scheduled" -> what + " scheduled";
			case "deployment.waiting_for_window" -> what + " waiting for the next open window";
			case "deployment.started" -> what + " started";
			case "deployment.succeeded" -> what + " succeeded";
			case "deployment.failed" -> what + " failed";
			case "deployment.cancelled" -> what + " cancelled";
			case "deployment.reviewed" -> what + " reviewed after the fact";
			default -> words(action) + ((artifact != null) ? " (" + artifact + ")" : "");
		};
	}

	private static void deploymentLines(List<String> lines, Map<String, Object> details, ZoneId zone) {
		Object revision = details.get("configRevision");
		if (revision != null && !String.valueOf(revision).isBlank()) {
			lines.add("Config revision " + revision);
		}
		String scheduled = instant(details.get("scheduledAt"), zone);
		if (scheduled != null) {
			lines.add("Scheduled for " + scheduled);
		}
		addLine(lines, "Reason: ", details.get("reason"));
		if (details.get("commits") instanceof List<?> commits && !commits.isEmpty()) {
			Object count = details.get("commitCount");
			lines.add("Brings " + ((count != null) ? count : commits.size()) + " commit"
					+ ("1".equals(String.valueOf(count)) ? "" : "s") + ":");
			commits.forEach((commit) -> lines.add("  " + commit));
		}
		String comment = text(details.get("comment"));
		if (comment != null) {
			lines.add("“" + comment + "”");
		}
		changes(lines, details);
	}

	/** One line per changed field: {@code Field: before → after}. */
	private static void changes(List<String> lines, Map<String, Object> details) {
		if (!(details.get("changes") instanceof Map<?, ?> changes)) {
			return;
		}
		changes.forEach((field, pair) -> {
			if (pair instanceof Map<?, ?> beforeAfter) {
				String before = shown(beforeAfter.get("before"));
				String after = shown(beforeAfter.get("after"));
				lines.add(capitalize(words(String.valueOf(field))) + ": " + before + " → " + after);
			}
		});
	}

	private static String shown(@Nullable Object value) {
		String text = (value != null) ? String.valueOf(value) : "";
		return text.isBlank() ? "(none)" : text;
	}

	private static void addLine(List<String> lines, String label, @Nullable Object value) {
		String text = text(value);
		if (text != null) {
			lines.add(label + text);
		}
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).strip();
		return text.isEmpty() ? null : text;
	}

	private static @Nullable Integer integer(@Nullable Object value) {
		if (value instanceof Number number) {
			return number.intValue();
		}
		if (value instanceof String string && !string.isBlank()) {
			try {
				return Integer.valueOf(string.strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static @Nullable String instant(@Nullable Object value, ZoneId zone) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			return MINUTES.format(Instant.parse(text).atZone(zone));
		}
		catch (DateTimeParseException ex) {
			return text;
		}
	}

	private static String join(List<?> values) {
		return String.join(", ", values.stream().map(String::valueOf).toList());
	}

	private static String prefix(String action) {
		int dot = action.indexOf('.');
		return (dot >= 0) ? action.substring(0, dot) : action;
	}

	/**
	 * An action or field in words: {@code approval_policy.updated} is "Approval policy
	 * updated", {@code branchPattern} "branch pattern".
	 */
	static String words(String name) {
		StringBuilder words = new StringBuilder();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '.' || c == '_' || c == '-') {
				words.append(' ');
			}
			else if (Character.isUpperCase(c) && i > 0) {
				words.append(' ').append(Character.toLowerCase(c));
			}
			else {
				words.append(c);
			}
		}
		return capitalize(words.toString().strip().replaceAll(" +", " "));
	}

	private static String capitalize(String text) {
		if (text.isEmpty()) {
			return text;
		}
		return Character.toUpperCase(text.charAt(0)) + text.substring(1).toLowerCase(Locale.ROOT);
	}

}
