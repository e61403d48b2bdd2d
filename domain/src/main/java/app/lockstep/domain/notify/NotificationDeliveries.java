package app.lockstep.domain.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/** The port for notices on their way to channels, and the delivery log. */
public interface NotificationDeliveries {

	/** A delivery due to be sent, as the scheduler finds it across organizations. */
	record Due(OrgId org, UUID id) {
	}

	/** A claimed delivery: what to send, and how many times it was tried already. */
	record Claimed(UUID id, UUID channel, Notice notice, int attempts, Instant createdAt) {
	}

	enum Status {

		PENDING, DELIVERED, FAILED

	}

	/** One line of the delivery log. */
	record Entry(UUID id, UUID channel, String channelName, String event, String subject, Status status, int attempts,
			@Nullable String detail, Instant createdAt, @Nullable Instant finishedAt, Instant nextAttemptAt) {
	}

	/**
	 * Enqueues a notice for a channel, due now; false when a notice with the same
	 * {@code dedupeKey} was already enqueued for it (by any instance).
	 */
	boolean enqueue(OrgId org, UUID id, UUID channel, Notice notice, @Nullable String dedupeKey, Instant now);

	/** Pending deliveries due now and not claimed, oldest first (scheduler). */
	List<Due> due(Instant now, int limit);

	/**
	 * Locks the delivery (skipping one another instance holds), and claims it until
	 * {@code until} if it is still pending, due and unclaimed.
	 */
	Optional<Claimed> claim(OrgId org, UUID id, Instant now, Instant until);

	void delivered(OrgId org, UUID id, int attempts, String detail, Instant at);

	void retryAt(OrgId org, UUID id, int attempts, String detail, Instant next);

	void failed(OrgId org, UUID id, int attempts, String detail, Instant at);

	/**
	 * Across organizations (scheduler): those with deliveries that finished before then.
	 */
	List<OrgId> organizationsWithFinishedBefore(Instant before);

	/** Forgets the organization's deliveries that finished before then; how many. */
	int forgetFinishedBefore(OrgId org, Instant before);

	/** Newest first, the organization's deliveries (one channel's when given). */
	List<Entry> recent(OrgId org, @Nullable UUID channel, int limit);

}
