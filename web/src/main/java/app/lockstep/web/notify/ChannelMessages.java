package app.lockstep.web.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.notify.NotificationSender.Envelope;
import org.jspecify.annotations.Nullable;

/**
 * The body each kind of channel expects: Slack's {@code text} with mrkdwn blocks, a Teams
 * Adaptive Card message, or Lockstep's own JSON for a signed webhook.
 */
final class ChannelMessages {

	private ChannelMessages() {
	}

	/** Slack incoming webhook: a fallback {@code text} and one section with a link. */
	static Map<String, Object> slack(Envelope envelope, @Nullable String url) {
		String text = "*" + slackEscape(envelope.notice().subject()) + "*\n" + slackEscape(envelope.notice().body());
		if (url != null) {
			text += "\n<" + url + "|Open in Lockstep>";
		}
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("type", "section");
		section.put("text", Map.of("type", "mrkdwn", "text", text));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", envelope.notice().subject());
		body.put("blocks", List.of(section));
		return body;
	}

	/** Microsoft Teams (Workflows or connector webhook): one Adaptive Card. */
	static Map<String, Object> teams(Envelope envelope, @Nullable String url) {
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("type", "AdaptiveCard");
		card.put("version", "1.4");
		card.put("body", List.of(
				Map.of("type", "TextBlock", "text", envelope.notice().subject(), "weight", "Bolder", "wrap", true),
				Map.of("type", "TextBlock", "text", envelope.notice().body(), "wrap", true)));
		if (url != null) {
			card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Open in Lockstep", "url", url)));
		}
		Map<String, Object> attachment = new LinkedHashMap<>();
		attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
		attachment.put("content", card);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "message");
		body.put("attachments", List.of(attachment));
		return body;
	}

	/** A signed webhook: the notice's fields as JSON. */
	static Map<String, @Nullable Object> webhook(Envelope envelope, @Nullable String url) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("deliveryId", envelope.deliveryId().toString());
		body.put("event", envelope.notice().event().key());
		body.put("organization", envelope.organization());
		body.put("project", envelope.notice().projectSlug());
		body.put("environment", envelope.notice().environmentName());
		body.put("subject", envelope.notice().subject());
		body.put("text", envelope.notice().body());
		body.put("url", url);
		body.put("occurredAt", envelope.occurredAt().toString());
		return body;
	}

	/** Slack's three control characters in mrkdwn. */
	static String slackEscape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
