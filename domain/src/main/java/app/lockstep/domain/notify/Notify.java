package app.lockstep.domain.notify;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Raises a notice: one delivery per enabled channel listening to its event, enqueued in
 * the transaction of the change it tells about (a rolled-back change notifies nobody, a
 * committed one is never forgotten, even if the instance dies before sending). Sending is
 * {@link DeliverNotifications}' work.
 */
@UseCase
public final class Notify {

	private final NotificationChannels channels;

	private final NotificationDeliveries deliveries;

	private final Transactions transactions;

	private final Clock clock;

	public Notify(NotificationChannels channels, NotificationDeliveries deliveries, Transactions transactions,
			Clock clock) {
		this.channels = channels;
		this.deliveries = deliveries;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Enqueues the notice for every channel of the organization (and project) listening.
	 */
	public void publish(OrgId org, @Nullable ProjectId project, Notice notice) {
		publish(org, project, notice, null);
	}

	/**
	 * As {@link #publish(OrgId, ProjectId, Notice)}, at most once per channel and key
	 * however many times or instances raise it; how many deliveries were enqueued.
	 */
	public int publish(OrgId org, @Nullable ProjectId project, Notice notice, @Nullable String dedupeKey) {
		return this.transactions.inTenant(org, () -> {
			List<NotificationChannel> listening = this.channels.listening(org, project, notice.event());
			int enqueued = 0;
			for (NotificationChannel channel : listening) {
				if (this.deliveries.enqueue(org, UUID.randomUUID(), channel.id(), notice, dedupeKey,
						this.clock.instant())) {
					enqueued++;
				}
			}
			return enqueued;
		});
	}

	/**
	 * The organizations with an enabled channel for the event, for the periodic checks
	 * (review due, freeze starting) to look at only those.
	 */
	public List<OrgId> organizationsListeningTo(NotificationEvent event) {
		return this.transactions.forScheduler(() -> this.channels.organizationsListeningTo(event));
	}

}
