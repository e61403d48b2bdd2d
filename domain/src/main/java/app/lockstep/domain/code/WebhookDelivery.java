package app.lockstep.domain.code;

import java.time.Instant;
import java.util.UUID;

import app.lockstep.domain.project.ProjectId;

/**
 * One request that reached a project's webhook: when, from which forge, which event, what
 * became of it and why, and how many commits it carried.
 */
public record WebhookDelivery(UUID id, ProjectId project, Instant receivedAt, Forge forge, String event,
		DeliveryOutcome outcome, String detail, int commits) {

	public static final int MAX_EVENT = 100;

	public static final int MAX_DETAIL = 1000;

	public WebhookDelivery {
		event = clip(event, MAX_EVENT);
		detail = clip(detail, MAX_DETAIL);
	}

	private static String clip(String value, int max) {
		String clipped = Commit.clip(value, max);
		return (clipped != null) ? clipped : "";
	}

}
