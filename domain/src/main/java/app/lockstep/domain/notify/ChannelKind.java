package app.lockstep.domain.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a channel's notices go. */
public enum ChannelKind {

	SLACK("Slack"), TEAMS("Microsoft Teams"), WEBHOOK("Signed webhook"), EMAIL("Email");

	private final String label;

	ChannelKind(String label) {
		this.label = label;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return this.label;
	}

	public static Optional<ChannelKind> fromKey(String key) {
		return Arrays.stream(values())
			.filter((kind) -> kind.key().equals(key.trim().toLowerCase(Locale.ROOT)))
			.findFirst();
	}

}
