package app.lockstep.domain.notify;

import org.jspecify.annotations.Nullable;

/**
 * What a channel is told: a one-line subject, a few lines of text, and the page it is
 * about (a path such as {@code /orgs/acme/…}; senders make it absolute).
 */
public record Notice(NotificationEvent event, String subject, String body, @Nullable String link,
		@Nullable String projectSlug, @Nullable String environmentName) {
}
