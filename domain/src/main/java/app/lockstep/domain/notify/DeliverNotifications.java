package app.lockstep.domain.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.tenancy.Organizations;

/**
 * Sends the notices that are due, each once across instances: a short unit of work claims
 * the delivery (SKIP LOCKED, then {@code claimed_until}) and opens the channel's secret;
 * the send happens outside any transaction; a second short unit of work records the
 * answer. Network errors, 5xx and 429 are tried again after 30 s, 1, 2, 4 and 8 minutes
 * (by default), then the delivery fails for good; other refusals fail at once. An
 * instance killed while sending leaves its claim to lapse, and the delivery is sent again
 * with the same delivery id.
 */
@UseCase
public final class DeliverNotifications {

	public enum Outcome {

		SKIPPED, DELIVERED, RETRYING, FAILED

	}

	private final NotificationChannels channels;

	private final NotificationDeliveries deliveries;

	private final ChannelSecrets secrets;

	private final NotificationSender sender;

	private final Organizations organizations;

	private final Transactions transactions;

	private final Clock clock;

	private final NotificationSettings settings;

	public DeliverNotifications(NotificationChannels channels, NotificationDeliveries deliveries,
			ChannelSecrets secrets, NotificationSender sender, Organizations organizations, Transactions transactions,
			Clock clock, NotificationSettings settings) {
		this.channels = channels;
		this.deliveries = deliveries;
		this.secrets = secrets;
		this.sender = sender;
		this.organizations = organizations;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
	}

	/** How long the delivery log keeps a finished delivery. */
	public static final java.time.Duration KEPT = java.time.Duration.ofDays(30);

	/** Forgets the deliveries finished more than {@link #KEPT} ago; how many. */
	public int forgetOld() {
		Instant before = this.clock.instant().minus(KEPT);
		int forgotten = 0;
		for (OrgId org : this.transactions
			.forScheduler(() -> this.deliveries.organizationsWithFinishedBefore(before))) {
			forgotten += this.transactions.inTenant(org, () -> this.deliveries.forgetFinishedBefore(org, before));
		}
		return forgotten;
	}

	/** Deliveries due now across organizations, oldest first. */
	public List<NotificationDeliveries.Due> due(int limit) {
		Instant now = this.clock.instant();
		return this.transactions.forScheduler(() -> this.deliveries.due(now, limit));
	}

	/** Sends one delivery, unless another instance holds it or it is no longer due. */
	public Outcome send(NotificationDeliveries.Due due) {
		OrgId org = due.org();
		Ready ready = this.transactions.inTenant(org, () -> claim(org, due));
		if (ready == null) {
			return Outcome.SKIPPED;
		}
		NotificationSender.Result result;
		if (ready.destination() == null) {
			result = NotificationSender.Result.refused(ready.problem());
		}
		else {
			try {
				result = this.sender.send(ready.destination(), new NotificationSender.Envelope(ready.claimed().id(),
						ready.organization(), ready.claimed().notice(), ready.claimed().createdAt()));
			}
			catch (RuntimeException ex) {
				result = NotificationSender.Result.retry(ex.getClass().getSimpleName());
			}
		}
		NotificationSender.Result answer = result;
		return this.transactions.inTenant(org, () -> record(org, ready.claimed(), answer));
	}

	private @org.jspecify.annotations.Nullable Ready claim(OrgId org, NotificationDeliveries.Due due) {
		Instant now = this.clock.instant();
		NotificationDeliveries.Claimed claimed = this.deliveries
			.claim(org, due.id(), now, now.plus(this.settings.lease()))
			.orElse(null);
		if (claimed == null) {
			return null;
		}
		NotificationChannel channel = this.channels.find(org, claimed.channel()).orElse(null);
		String organization = this.organizations.findById(org).map(Organization::slug).orElse("");
		if (channel == null) {
			return new Ready(claimed, organization, null, "the channel was removed");
		}
		if (!channel.enabled()) {
			return new Ready(claimed, organization, null, "the channel is switched off");
		}
		String secret;
		try {
			secret = (channel.secret() != null) ? this.secrets.open(org, channel.id(), channel.secret()) : null;
		}
		catch (RuntimeException ex) {
			return new Ready(claimed, organization, null, "the channel's secret cannot be opened (keys changed?)");
		}
		return new Ready(claimed, organization,
				new NotificationSender.Destination(channel.kind(), channel.url(), secret, channel.recipients()), "");
	}

	private Outcome record(OrgId org, NotificationDeliveries.Claimed claimed, NotificationSender.Result result) {
		Instant now = this.clock.instant();
		int attempts = claimed.attempts() + 1;
		if (result.delivered()) {
			this.deliveries.delivered(org, claimed.id(), attempts, result.detail(), now);
			return Outcome.DELIVERED;
		}
		if (result.retryable() && attempts < this.settings.attempts()) {
			this.deliveries.retryAt(org, claimed.id(), attempts, result.detail(),
					now.plus(this.settings.delayAfter(attempts)));
			return Outcome.RETRYING;
		}
		this.deliveries.failed(org, claimed.id(), attempts, result.detail(), now);
		return Outcome.FAILED;
	}

	/** A claimed delivery and where it goes, or why it cannot go anywhere. */
	private record Ready(NotificationDeliveries.Claimed claimed, String organization,
			NotificationSender.@org.jspecify.annotations.Nullable Destination destination, String problem) {
	}

}
