package app.lockstep.persistence.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.notify.Notice;
import app.lockstep.domain.notify.NotificationDeliveries;
import app.lockstep.domain.notify.NotificationEvent;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.NotificationDeliveriesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.NOTIFICATION_CHANNELS;
import static app.lockstep.persistence.jooq.Tables.NOTIFICATION_DELIVERIES;

/**
 * Deliveries of notices: enqueued with the change, claimed with SKIP LOCKED and
 * {@code claimed_until}, finished with their outcome; the newest form the delivery log.
 */
@Repository
class JooqNotificationDeliveries implements NotificationDeliveries {

	private final DSLContext dsl;

	JooqNotificationDeliveries(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public boolean enqueue(OrgId org, UUID id, UUID channel, Notice notice, @Nullable String dedupeKey, Instant now) {
		NotificationDeliveriesRecord record = new NotificationDeliveriesRecord();
		record.setOrgId(org);
		record.setId(id);
		record.setChannelId(channel);
		record.setEvent(notice.event().key());
		record.setDedupeKey(dedupeKey);
		record.setSubject(notice.subject());
		record.setBody(notice.body());
		record.setLink(notice.link());
		record.setProjectSlug(notice.projectSlug());
		record.setEnvironmentName(notice.environmentName());
		record.setStatus(Status.PENDING.name());
		record.setAttempts(0);
		record.setNextAttemptAt(now);
		record.setCreatedAt(now);
		return this.dsl.insertInto(NOTIFICATION_DELIVERIES).set(record).onConflictDoNothing().execute() > 0;
	}

	@Override
	public List<Due> due(Instant now, int limit) {
		return this.dsl.select(NOTIFICATION_DELIVERIES.ORG_ID, NOTIFICATION_DELIVERIES.ID)
			.from(NOTIFICATION_DELIVERIES)
			.where(dueAt(now))
			.orderBy(NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT)
			.limit(limit)
			.fetch((row) -> new Due(row.value1(), row.value2()));
	}

	private static Condition dueAt(Instant now) {
		// A literal, so that the generic plan of the prepared statement can use the
		// partial
		// index on pending deliveries (see deploy.StatusIs).
		return NOTIFICATION_DELIVERIES.STATUS.eq(DSL.inline(Status.PENDING.name()))
			.and(NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT.le(now))
			.and(NOTIFICATION_DELIVERIES.CLAIMED_UNTIL.isNull().or(NOTIFICATION_DELIVERIES.CLAIMED_UNTIL.lt(now)));
	}

	@Override
	public Optional<Claimed> claim(OrgId org, UUID id, Instant now, Instant until) {
		Optional<NotificationDeliveriesRecord> locked = this.dsl.selectFrom(NOTIFICATION_DELIVERIES)
			.where(byId(org, id).and(dueAt(now)))
			.forUpdate()
			.skipLocked()
			.fetchOptional();
		locked.ifPresent((record) -> this.dsl.update(NOTIFICATION_DELIVERIES)
			.set(NOTIFICATION_DELIVERIES.CLAIMED_UNTIL, until)
			.where(byId(org, id))
			.execute());
		return locked.map((record) -> new Claimed(record.getId(), record.getChannelId(),
				new Notice(NotificationEvent.fromKey(record.getEvent()).orElse(NotificationEvent.TEST),
						record.getSubject(), record.getBody(), record.getLink(), record.getProjectSlug(),
						record.getEnvironmentName()),
				record.getAttempts(), record.getCreatedAt()));
	}

	@Override
	public void delivered(OrgId org, UUID id, int attempts, String detail, Instant at) {
		finish(org, id, Status.DELIVERED, attempts, detail, at);
	}

	@Override
	public void retryAt(OrgId org, UUID id, int attempts, String detail, Instant next) {
		this.dsl.update(NOTIFICATION_DELIVERIES)
			.set(NOTIFICATION_DELIVERIES.ATTEMPTS, attempts)
			.set(NOTIFICATION_DELIVERIES.LAST_DETAIL, detail)
			.set(NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT, next)
			.setNull(NOTIFICATION_DELIVERIES.CLAIMED_UNTIL)
			.where(byId(org, id))
			.execute();
	}

	@Override
	public void failed(OrgId org, UUID id, int attempts, String detail, Instant at) {
		finish(org, id, Status.FAILED, attempts, detail, at);
	}

	private void finish(OrgId org, UUID id, Status status, int attempts, String detail, Instant at) {
		this.dsl.update(NOTIFICATION_DELIVERIES)
			.set(NOTIFICATION_DELIVERIES.STATUS, status.name())
			.set(NOTIFICATION_DELIVERIES.ATTEMPTS, attempts)
			.set(NOTIFICATION_DELIVERIES.LAST_DETAIL, detail)
			.set(NOTIFICATION_DELIVERIES.FINISHED_AT, at)
			.setNull(NOTIFICATION_DELIVERIES.CLAIMED_UNTIL)
			.where(byId(org, id))
			.execute();
	}

	@Override
	public List<OrgId> organizationsWithFinishedBefore(Instant before) {
		return this.dsl.selectDistinct(NOTIFICATION_DELIVERIES.ORG_ID)
			.from(NOTIFICATION_DELIVERIES)
			.where(finishedBefore(before))
			.fetch(NOTIFICATION_DELIVERIES.ORG_ID);
	}

	@Override
	public int forgetFinishedBefore(OrgId org, Instant before) {
		return this.dsl.deleteFrom(NOTIFICATION_DELIVERIES)
			.where(NOTIFICATION_DELIVERIES.ORG_ID.eq(org).and(finishedBefore(before)))
			.execute();
	}

	private static Condition finishedBefore(Instant before) {
		return NOTIFICATION_DELIVERIES.STATUS.ne(DSL.inline(Status.PENDING.name()))
			.and(NOTIFICATION_DELIVERIES.FINISHED_AT.lt(before));
	}

	@Override
	public List<Entry> recent(OrgId org, @Nullable UUID channel, int limit) {
		Condition condition = NOTIFICATION_DELIVERIES.ORG_ID.eq(org);
		if (channel != null) {
			condition = condition.and(NOTIFICATION_DELIVERIES.CHANNEL_ID.eq(channel));
		}
		return this.dsl.select(NOTIFICATION_DELIVERIES.fields())
			.select(NOTIFICATION_CHANNELS.NAME)
			.from(NOTIFICATION_DELIVERIES)
			.join(NOTIFICATION_CHANNELS)
			.on(NOTIFICATION_CHANNELS.ORG_ID.eq(NOTIFICATION_DELIVERIES.ORG_ID)
				.and(NOTIFICATION_CHANNELS.ID.eq(NOTIFICATION_DELIVERIES.CHANNEL_ID)))
			.where(condition)
			.orderBy(NOTIFICATION_DELIVERIES.SEQ.desc())
			.limit(limit)
			.fetch((row) -> {
				NotificationDeliveriesRecord record = row.into(NOTIFICATION_DELIVERIES);
				return new Entry(record.getId(), record.getChannelId(), row.get(NOTIFICATION_CHANNELS.NAME),
						record.getEvent(), record.getSubject(), Status.valueOf(record.getStatus()),
						record.getAttempts(), record.getLastDetail(), record.getCreatedAt(), record.getFinishedAt(),
						record.getNextAttemptAt());
			});
	}

	private static Condition byId(OrgId org, UUID id) {
		return NOTIFICATION_DELIVERIES.ORG_ID.eq(org).and(NOTIFICATION_DELIVERIES.ID.eq(id));
	}

}
