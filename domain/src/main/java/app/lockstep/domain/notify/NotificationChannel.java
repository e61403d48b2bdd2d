package app.lockstep.domain.notify;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.project.ProjectId;
import org.jspecify.annotations.Nullable;

/**
 * A place notices go: for the whole organization ({@code project} null) or one project,
 * for the chosen events. {@code display} is what may be shown of the address; the secret
 * (a Slack or Teams webhook URL, or a signed webhook's signing secret) is sealed and
 * never shown again.
 */
public record NotificationChannel(UUID id, @Nullable ProjectId project, @Nullable String projectSlug, ChannelKind kind,
		String name, String display, @Nullable String url, @Nullable SealedSecret secret, List<String> recipients,
		Set<NotificationEvent> events, boolean enabled, Instant createdAt, String createdBy) {

	public NotificationChannel {
		recipients = List.copyOf(recipients);
		events = Set.copyOf(events);
	}

	public boolean listensTo(NotificationEvent event) {
		return this.enabled && this.events.contains(event);
	}

	NotificationChannel with(String name, Set<NotificationEvent> events, boolean enabled) {
		return new NotificationChannel(this.id, this.project, this.projectSlug, this.kind, name, this.display, this.url,
				this.secret, this.recipients, events, enabled, this.createdAt, this.createdBy);
	}

}
