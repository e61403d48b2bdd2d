package app.lockstep.persistence.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.AuditEventsRecord;
import app.lockstep.persistence.shared.Json;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.AUDIT_EVENTS;
import static app.lockstep.persistence.jooq.Tables.AUDIT_HEADS;

/**
 * Appends audit events with a gapless per-organization sequence. The head row of the
 * organization is taken with an upsert at the very end of the business transaction's
 * work, so appends of one organization queue only for the moment of the insert and other
 * organizations never wait.
 */
@Repository
class JooqAuditLog implements AuditLog {

	private final DSLContext dsl;

	private final Clock clock;

	JooqAuditLog(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	@Override
	public void append(OrgId org, Actor actor, AuditEntry entry) {
		long seq = this.dsl.insertInto(AUDIT_HEADS)
			.set(AUDIT_HEADS.ORG_ID, org.value())
			.set(AUDIT_HEADS.LAST_SEQ, 1L)
			.onConflict(AUDIT_HEADS.ORG_ID)
			.doUpdate()
			.set(AUDIT_HEADS.LAST_SEQ, AUDIT_HEADS.LAST_SEQ.plus(1))
			.returning(AUDIT_HEADS.LAST_SEQ)
			.fetchOne(AUDIT_HEADS.LAST_SEQ);
		this.dsl.insertInto(AUDIT_EVENTS)
			.set(AUDIT_EVENTS.ORG_ID, org.value())
			.set(AUDIT_EVENTS.SEQ, seq)
			.set(AUDIT_EVENTS.OCCURRED_AT, this.clock.instant().atOffset(ZoneOffset.UTC))
			.set(AUDIT_EVENTS.ACTOR_TYPE, actor.type().name())
			.set(AUDIT_EVENTS.ACTOR_ID, actor.id())
			.set(AUDIT_EVENTS.ACTOR_NAME, actor.name())
			.set(AUDIT_EVENTS.ACTION, entry.action())
			.set(AUDIT_EVENTS.TARGET_TYPE, entry.targetType())
			.set(AUDIT_EVENTS.TARGET_ID, entry.targetId())
			.set(AUDIT_EVENTS.PROJECT_SLUG, entry.projectSlug())
			.set(AUDIT_EVENTS.ENVIRONMENT_NAME, entry.environmentName())
			.set(AUDIT_EVENTS.DETAILS, Json.of(entry.details()))
			.set(AUDIT_EVENTS.IP, actor.ip())
			.execute();
	}

	@Override
	public List<AuditEvent> page(OrgId org, @Nullable Long beforeSeq, int limit) {
		var condition = AUDIT_EVENTS.ORG_ID.eq(org.value());
		if (beforeSeq != null) {
			condition = condition.and(AUDIT_EVENTS.SEQ.lt(beforeSeq));
		}
		return this.dsl.selectFrom(AUDIT_EVENTS)
			.where(condition)
			.orderBy(AUDIT_EVENTS.SEQ.desc())
			.limit(limit)
			.fetch(JooqAuditLog::toEvent);
	}

	private static AuditEvent toEvent(AuditEventsRecord record) {
		return new AuditEvent(record.getSeq(), record.getOccurredAt().toInstant(),
				new Actor(Actor.Type.valueOf(record.getActorType()), record.getActorId(), record.getActorName(),
						record.getIp()),
				record.getAction(), record.getTargetType(), record.getTargetId(), record.getProjectSlug(),
				record.getEnvironmentName(), Json.map(record.getDetails()));
	}

}
