package app.lockstep.domain.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a channel can be told about, with the key the API and the database use. */
public enum NotificationEvent {

	APPROVAL_NEEDED("Approval needed", "A deployment request waits for approvals."),
	REQUEST_BLOCKED("Request blocked", "A request was rejected, or an automatic deployment was refused."),
	REQUEST_QUEUED("Request queued", "A deployment waits for its deployment window to open."),
	EMERGENCY("Emergency deployment", "Someone broke the glass: approvals and windows were bypassed."),
	REVIEW_DUE("Review due", "An emergency deployment is still unreviewed after 48 hours."),
	DEPLOYMENT_FAILED("Deployment failed", "A deployment failed or timed out."),
	DEPLOYMENT_SUCCEEDED("Deployment succeeded", "A deployment finished successfully."),
	FREEZE_STARTING("Freeze starting", "A freeze begins within the next 24 hours."),
	/** Sent from the settings page to check a channel; nobody subscribes to it. */
	TEST("Test notice", "A notice sent by hand to check the channel.");

	private final String label;

	private final String description;

	NotificationEvent(String label, String description) {
		this.label = label;
		this.description = description;
	}

	/** {@code approval_needed}, …: how the API and the database name it. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return this.label;
	}

	public String description() {
		return this.description;
	}

	/** The events a channel can listen to. */
	public static List<NotificationEvent> choosable() {
		return Arrays.stream(values()).filter((event) -> event != TEST).toList();
	}

	public static Optional<NotificationEvent> fromKey(String key) {
		return Arrays.stream(values())
			.filter((event) -> event.key().equals(key.trim().toLowerCase(Locale.ROOT)))
			.findFirst();
	}

}
