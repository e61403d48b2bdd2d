package app.lockstep.web.deploy;

import java.time.Instant;
import java.time.ZoneId;

import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.shared.Validation;
import app.lockstep.web.shared.ZoneTimes;
import org.jspecify.annotations.Nullable;

/**
 * The request form as typed: {@code artifact} a version or empty for the live one (a
 * config-only deployment), {@code configRevision} a number, {@code schedule} {@code now}
 * or {@code at} with {@code scheduledAt} a wall-clock time in the environment's time
 * zone, {@code whenBlocked} {@code queue} or {@code reject}, a note, and for break-glass
 * {@code emergency} with a {@code reason}.
 */
record RequestForm(@Nullable String artifact, @Nullable String configRevision, @Nullable String schedule,
		@Nullable String scheduledAt, @Nullable String whenBlocked, @Nullable String note, @Nullable String emergency,
		@Nullable String reason, @Nullable String duplicate) {

	/**
	 * The defaults: the live artifact, the latest revision, as soon as allowed, queue.
	 */
	static RequestForm of(ViewDeployments.EnvironmentView view) {
		return new RequestForm((view.live() != null) ? view.live().artifactVersion() : "",
				(view.latestRevision() > 0) ? String.valueOf(view.latestRevision()) : "", "now", "", "queue", "", null,
				"", null);
	}

	/** The person saw that an identical request is pending and asks again anyway. */
	public boolean duplicateConfirmed() {
		return "confirm".equals(this.duplicate);
	}

	/**
	 * A request still pending on the environment (awaiting approval, scheduled or waiting
	 * for its window) for the same artifact and config revision as this form, the live
	 * artifact and the latest revision standing for empty fields; null when there is none
	 * or the form does not name them readably.
	 */
	ViewDeployments.@Nullable Summary identicalPending(ViewDeployments.EnvironmentView view) {
		String version = blankToNull(this.artifact);
		if (version == null) {
			version = (view.live() != null) ? view.live().artifactVersion() : null;
		}
		Integer revision;
		try {
			String text = blankToNull(this.configRevision);
			revision = (text != null) ? Integer.valueOf(text)
					: ((view.latestRevision() > 0) ? view.latestRevision() : null);
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (version == null) {
			return null;
		}
		for (ViewDeployments.Summary summary : view.recent()) {
			var status = summary.deployment().status();
			boolean pending = status == app.lockstep.domain.deploy.DeploymentStatus.AWAITING_APPROVAL
					|| status.isPending();
			if (pending && version.equals(summary.artifactVersion())
					&& java.util.Objects.equals(revision, summary.deployment().configRevision())) {
				return summary;
			}
		}
		return null;
	}

	public boolean isEmergency() {
		return "true".equals(this.emergency) || "on".equals(this.emergency);
	}

	public boolean scheduledLater() {
		return "at".equals(this.schedule);
	}

	/** What the use case reads; refuses (422) a revision or time that is not one. */
	RequestDeployment.Input toInput(ZoneId zone) {
		Validation validation = new Validation();
		Integer revision = revision(validation, this.configRevision);
		Instant at = schedule(validation, this.schedule, this.scheduledAt, zone);
		validation.throwIfInvalid();
		return new RequestDeployment.Input(blankToNull(this.artifact), revision, at, this.whenBlocked, this.note,
				isEmergency(), this.reason);
	}

	static @Nullable Integer revision(Validation validation, @Nullable String text) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			validation.add("configRevision",
					"\u201c" + value + "\u201d is not a revision number; revisions are 1, 2, 3\u2026");
			return null;
		}
	}

	static @Nullable Instant schedule(Validation validation, @Nullable String schedule, @Nullable String scheduledAt,
			ZoneId zone) {
		if (!"at".equals(schedule)) {
			return null;
		}
		String value = blankToNull(scheduledAt);
		if (value == null) {
			validation.add("scheduledAt", "Choose the date and time, or pick \u201cas soon as allowed\u201d.");
			return null;
		}
		Instant at = ZoneTimes.parseLocal(value, zone);
		if (at == null) {
			validation.add("scheduledAt", "\u201c" + value + "\u201d is not a date and time.");
		}
		return at;
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
