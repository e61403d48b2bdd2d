package app.lockstep.domain.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.notify.Notice;
import app.lockstep.domain.notify.NotificationChannel;
import app.lockstep.domain.notify.NotificationChannels;
import app.lockstep.domain.notify.NotificationDeliveries;
import app.lockstep.domain.notify.NotificationEvent;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/** Channels and deliveries in memory, one organization's as another's. */
public final class InMemoryNotifications implements NotificationChannels, NotificationDeliveries {

	private final Map<UUID, Channel> channels = new LinkedHashMap<>();

	private final Map<UUID, Row> deliveries = new LinkedHashMap<>();

	private record Channel(OrgId org, NotificationChannel channel) {
	}

	/** A delivery as the table keeps it. */
	public static final class Row {

		final OrgId org;

		final UUID id;

		final UUID channel;

		final Notice notice;

		final @Nullable String dedupeKey;

		final Instant createdAt;

		public Status status = Status.PENDING;

		public int attempts;

		public Instant nextAttemptAt;

		@Nullable Instant claimedUntil;

		@Nullable Instant finishedAt;

		public @Nullable String detail;

		Row(OrgId org, UUID id, UUID channel, Notice notice, @Nullable String dedupeKey, Instant now) {
			this.org = org;
			this.id = id;
			this.channel = channel;
			this.notice = notice;
			this.dedupeKey = dedupeKey;
			this.createdAt = now;
			this.nextAttemptAt = now;
		}

		public Notice notice() {
			return this.notice;
		}

	}

	/** Every delivery enqueued, oldest first. */
	public List<Row> all() {
		return List.copyOf(this.deliveries.values());
	}

	@Override
	public List<NotificationChannel> list(OrgId org) {
		return this.channels.values().stream().filter((c) -> c.org().equals(org)).map(Channel::channel).toList();
	}

	@Override
	public Optional<NotificationChannel> find(OrgId org, UUID id) {
		Channel channel = this.channels.get(id);
		return (channel != null && channel.org().equals(org)) ? Optional.of(channel.channel()) : Optional.empty();
	}

	@Override
	public void insert(OrgId org, NotificationChannel channel) {
		this.channels.put(channel.id(), new Channel(org, channel));
	}

	@Override
	public void update(OrgId org, NotificationChannel channel) {
		this.channels.put(channel.id(), new Channel(org, channel));
	}

	@Override
	public boolean delete(OrgId org, UUID id) {
		return find(org, id).isPresent() && this.channels.remove(id) != null;
	}

	@Override
	public List<NotificationChannel> listening(OrgId org, @Nullable ProjectId project, NotificationEvent event) {
		return list(org).stream()
			.filter((c) -> c.project() == null || c.project().equals(project))
			.filter((c) -> c.listensTo(event))
			.toList();
	}

	@Override
	public List<OrgId> organizationsListeningTo(NotificationEvent event) {
		return this.channels.values()
			.stream()
			.filter((c) -> c.channel().listensTo(event))
			.map(Channel::org)
			.distinct()
			.toList();
	}

	@Override
	public boolean enqueue(OrgId org, UUID id, UUID channel, Notice notice, @Nullable String dedupeKey, Instant now) {
		if (dedupeKey != null && this.deliveries.values()
			.stream()
			.anyMatch((row) -> row.channel.equals(channel) && dedupeKey.equals(row.dedupeKey))) {
			return false;
		}
		this.deliveries.put(id, new Row(org, id, channel, notice, dedupeKey, now));
		return true;
	}

	@Override
	public List<Due> due(Instant now, int limit) {
		return this.deliveries.values()
			.stream()
			.filter((row) -> row.status == Status.PENDING && !row.nextAttemptAt.isAfter(now)
					&& (row.claimedUntil == null || row.claimedUntil.isBefore(now)))
			.sorted(Comparator.comparing((Row row) -> row.nextAttemptAt))
			.limit(limit)
			.map((row) -> new Due(row.org, row.id))
			.toList();
	}

	@Override
	public Optional<Claimed> claim(OrgId org, UUID id, Instant now, Instant until) {
		Row row = this.deliveries.get(id);
		if (row == null || !row.org.equals(org) || row.status != Status.PENDING || row.nextAttemptAt.isAfter(now)
				|| (row.claimedUntil != null && !row.claimedUntil.isBefore(now))) {
			return Optional.empty();
		}
		row.claimedUntil = until;
		return Optional.of(new Claimed(row.id, row.channel, row.notice, row.attempts, row.createdAt));
	}

	@Override
	public void delivered(OrgId org, UUID id, int attempts, String detail, Instant at) {
		finish(id, Status.DELIVERED, attempts, detail, at);
	}

	@Override
	public void retryAt(OrgId org, UUID id, int attempts, String detail, Instant next) {
		Row row = Objects.requireNonNull(this.deliveries.get(id));
		row.attempts = attempts;
		row.detail = detail;
		row.nextAttemptAt = next;
		row.claimedUntil = null;
	}

	@Override
	public void failed(OrgId org, UUID id, int attempts, String detail, Instant at) {
		finish(id, Status.FAILED, attempts, detail, at);
	}

	private void finish(UUID id, Status status, int attempts, String detail, Instant at) {
		Row row = Objects.requireNonNull(this.deliveries.get(id));
		row.finishedAt = at;
		row.status = status;
		row.attempts = attempts;
		row.detail = detail;
		row.claimedUntil = null;
	}

	@Override
	public List<OrgId> organizationsWithFinishedBefore(Instant before) {
		return this.deliveries.values()
			.stream()
			.filter((row) -> finishedBefore(row, before))
			.map((row) -> row.org)
			.distinct()
			.toList();
	}

	@Override
	public int forgetFinishedBefore(OrgId org, Instant before) {
		int count = this.deliveries.size();
		this.deliveries.values().removeIf((row) -> row.org.equals(org) && finishedBefore(row, before));
		return count - this.deliveries.size();
	}

	private static boolean finishedBefore(Row row, Instant before) {
		return row.status != Status.PENDING && row.finishedAt != null && row.finishedAt.isBefore(before);
	}

	@Override
	public List<Entry> recent(OrgId org, @Nullable UUID channel, int limit) {
		List<Entry> entries = new ArrayList<>();
		for (Row row : this.deliveries.values()) {
			if (row.org.equals(org) && (channel == null || channel.equals(row.channel))) {
				String name = find(org, row.channel).map(NotificationChannel::name).orElse("?");
				entries.add(0, new Entry(row.id, row.channel, name, row.notice.event().key(), row.notice.subject(),
						row.status, row.attempts, row.detail, row.createdAt, null, row.nextAttemptAt));
			}
		}
		return entries.subList(0, Math.min(limit, entries.size()));
	}

}
