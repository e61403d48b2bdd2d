package app.lockstep.domain.notify;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Sends one notice to one channel: a Slack or Teams message, a signed webhook POST or an
 * email.
 */
public interface NotificationSender {

	/** Where to send, with the channel's secret opened for this one delivery. */
	record Destination(ChannelKind kind, @Nullable String url, @Nullable String secret, List<String> recipients) {

		@Override
		public String toString() {
			return "Destination[" + this.kind + "]";
		}

	}

	/** The notice and what names it: the delivery id is the same on every retry. */
	record Envelope(UUID deliveryId, String organization, Notice notice, java.time.Instant occurredAt) {
	}

	/**
	 * {@code delivered} for an accepted send; otherwise whether trying again may help
	 * (network errors, 5xx, 429) and a short reason.
	 */
	record Result(boolean delivered, boolean retryable, String detail) {

		public static Result delivered(String detail) {
			return new Result(true, false, detail);
		}

		public static Result retry(String detail) {
			return new Result(false, true, detail);
		}

		public static Result refused(String detail) {
			return new Result(false, false, detail);
		}

	}

	Result send(Destination destination, Envelope envelope);

}
