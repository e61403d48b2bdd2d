package app.lockstep.persistence.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.AuditEventsRecord;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.SelectLimitPercentStep;
import org.jspecify.annotations.Nullable;

import static app.lockstep.persistence.jooq.Tables.AUDIT_EVENTS;

/** Pages of the chain, newest first, and single events. */
final class AuditPages {

	private final DSLContext dsl;

	private final AuditQueries queries;

	private final DSLContext planned;

	private final int narrowRange;

	AuditPages(DSLContext dsl, AuditQueries queries, int narrowRange) {
		this.dsl = dsl;
		this.queries = queries;
		this.planned = queries.planned();
		this.narrowRange = narrowRange;
	}

	/**
	 * A page, newest first. Its statement is sent with the values inlined, so it is
	 * planned for this organization and these filters: a prepared statement may be given
	 * a generic plan after five runs, made for an organization of average size. At 10M
	 * events that is 1/1,000 of them, and the organization with a million paid: its
	 * action + project + free-text page read all 83,000 {@code config.saved} events and
	 * sorted them, where the generic plan expected 833 (160 ms a page).
	 */
	List<AuditEvent> page(OrgId org, AuditFilter filter, @Nullable Long beforeSeq, int limit) {
		Condition condition = this.queries.matching(org, filter);
		if (beforeSeq != null) {
			condition = condition.and(AUDIT_EVENTS.SEQ.lt(beforeSeq));
		}
		boolean inRange = filter.from() != null || filter.to() != null;
		if (inRange && (!cursorInside(org, filter, beforeSeq) || fewEventsIn(condition))) {
			return throughTheTimeIndex(org, condition, limit);
		}
		SelectLimitPercentStep<AuditEventsRecord> newest = this.planned.selectFrom(AUDIT_EVENTS)
			.where(condition)
			.orderBy(AUDIT_EVENTS.SEQ.desc())
			.limit(limit);
		if (filter.text() != null || inRange) {
			// Free text: no index knows it, so the planner cannot tell how many events
			// match; walking newest first stops at the page's last match, where reading
			// every candidate and sorting them costs the whole organization each time. A
			// time range here holds more than enough events right below the cursor.
			return this.queries.inSequenceOrder(() -> newest.fetch(AuditQueries::toEvent));
		}
		return newest.fetch(AuditQueries::toEvent);
	}

	/**
	 * Whether a time range (with the other filters) holds at most {@link #narrowRange}
	 * events: counted by walking the time index, so it costs at most that many entries.
	 */
	private boolean fewEventsIn(Condition inRange) {
		return this.planned.fetchCount(this.planned.select(AUDIT_EVENTS.OCCURRED_AT)
			.from(AUDIT_EVENTS)
			.where(inRange)
			.orderBy(AUDIT_EVENTS.OCCURRED_AT.desc())
			.limit(this.narrowRange + 1)) <= this.narrowRange;
	}

	/**
	 * Whether the newest event below the cursor (or of the chain) lies inside the time
	 * range, so that walking back from it meets the range's events at once.
	 */
	private boolean cursorInside(OrgId org, AuditFilter filter, @Nullable Long beforeSeq) {
		Condition below = AUDIT_EVENTS.ORG_ID.eq(org);
		if (beforeSeq != null) {
			below = below.and(AUDIT_EVENTS.SEQ.lt(beforeSeq));
		}
		Instant at = this.planned.select(AUDIT_EVENTS.OCCURRED_AT)
			.from(AUDIT_EVENTS)
			.where(below)
			.orderBy(AUDIT_EVENTS.SEQ.desc())
			.limit(1)
			.fetchOne(AUDIT_EVENTS.OCCURRED_AT);
		return at != null && (filter.from() == null || !at.isBefore(filter.from()))
				&& (filter.to() == null || at.isBefore(filter.to()));
	}

	/**
	 * A page of a time range read from the time index: the sequence numbers of all its
	 * matching events (from the index alone when only the range filters; see
	 * {@link AuditQueries#seqsOf}), the newest of them kept, and only those rows fetched.
	 * Asked for "newest by seq, limit 50", the planner would rather walk back from the
	 * head, expecting matches spread evenly over the chain; but a range's events sit
	 * together, so for a month a few months back that walk passed every newer event first
	 * (p95 155 ms at 1M events).
	 */
	private List<AuditEvent> throughTheTimeIndex(OrgId org, Condition inRange, int limit) {
		CommonTableExpression<Record1<Long>> range = this.queries.seqsOf(inRange);
		Field<Long> seq = range.field("seq", Long.class);
		return this.planned.with(range)
			.selectFrom(AUDIT_EVENTS)
			.where(AUDIT_EVENTS.ORG_ID.eq(org)
				.and(AUDIT_EVENTS.SEQ.in(this.planned.select(seq).from(range).orderBy(seq.desc()).limit(limit))))
			.orderBy(AUDIT_EVENTS.SEQ.desc())
			.fetch(AuditQueries::toEvent);
	}

	List<AuditEvent> ofTarget(OrgId org, String targetId, int limit) {
		return this.dsl.selectFrom(AUDIT_EVENTS)
			.where(AUDIT_EVENTS.ORG_ID.eq(org).and(AUDIT_EVENTS.TARGET_ID.eq(targetId)))
			.orderBy(AUDIT_EVENTS.SEQ.asc())
			.limit(limit)
			.fetch(AuditQueries::toEvent);
	}

	Optional<AuditEvent> event(OrgId org, long seq) {
		return this.dsl.selectFrom(AUDIT_EVENTS)
			.where(AUDIT_EVENTS.ORG_ID.eq(org).and(AUDIT_EVENTS.SEQ.eq(seq)))
			.fetchOptional(AuditQueries::toEvent);
	}

}
