package app.lockstep.persistence.audit;

import java.util.function.Predicate;

import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.audit.ChainHead;
import app.lockstep.domain.shared.OrgId;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import static app.lockstep.persistence.jooq.Tables.AUDIT_EVENTS;
import static app.lockstep.persistence.jooq.Tables.AUDIT_HEADS;

/** Streams the chain for verification and export, and reads its head. */
final class AuditScanner {

	private final DSLContext dsl;

	private final AuditQueries queries;

	private final DSLContext planned;

	private final int scanChunk;

	AuditScanner(DSLContext dsl, AuditQueries queries, int scanChunk) {
		this.dsl = dsl;
		this.queries = queries;
		this.planned = queries.planned();
		this.scanChunk = scanChunk;
	}

	/**
	 * Streams with COPY in keyset chunks of {@link JooqAuditLog#SCAN_CHUNK} rows (see
	 * {@link AuditCopyStream}). COPY takes no bind parameters, so each chunk's query is
	 * rendered with jOOQ's inlined, quoted literals; RLS applies to it as to any query.
	 * The chunks are read in index order (see {@link AuditQueries#inSequenceOrder}); a
	 * time range is first narrowed to the sequence numbers of the events inside it, so
	 * that walk covers only them.
	 */
	void scan(OrgId org, AuditFilter filter, long upToSeq, Predicate<AuditEvent> visitor) {
		Condition matching = scanned(org, filter, upToSeq);
		if (matching == null) {
			return;
		}
		this.dsl.connection((connection) -> {
			PGConnection copying = connection.unwrap(PGConnection.class);
			this.queries.inSequenceOrder(() -> {
				new AuditCopyStream(copying, (after) -> chunkAfter(matching, after), this.scanChunk).forEach(visitor);
				return null;
			});
		});
	}

	/** What a scan reads; null when a time range holds no event. */
	@Nullable Condition scanned(OrgId org, AuditFilter filter, long upToSeq) {
		Condition matching = this.queries.matching(org, filter).and(AUDIT_EVENTS.SEQ.le(upToSeq));
		if (filter.from() == null && filter.to() == null) {
			return matching;
		}
		CommonTableExpression<Record1<Long>> range = this.queries.seqsOf(matching);
		Field<Long> seq = range.field("seq", Long.class);
		Record2<Long, Long> span = this.planned.with(range)
			.select(DSL.min(seq), DSL.max(seq))
			.from(range)
			.fetchSingle();
		if (span.value1() == null || span.value2() == null) {
			return null;
		}
		return matching.and(AUDIT_EVENTS.SEQ.between(span.value1(), span.value2()));
	}

	/** The SELECT of one COPY chunk: the next events after a sequence number. */
	String chunkAfter(Condition matching, long after) {
		return this.dsl.renderInlined(this.dsl.select(AuditCopyStream.FIELDS)
			.from(AUDIT_EVENTS)
			.where(matching.and(AUDIT_EVENTS.SEQ.gt(after)))
			.orderBy(AUDIT_EVENTS.SEQ.asc())
			.limit(this.scanChunk));
	}

	ChainHead head(OrgId org) {
		return this.dsl.select(AUDIT_HEADS.LAST_SEQ, AUDIT_HEADS.LAST_HASH)
			.from(AUDIT_HEADS)
			.where(AUDIT_HEADS.ORG_ID.eq(org))
			.fetchOptional((record) -> new ChainHead(record.value1(), record.value2()))
			.orElse(ChainHead.EMPTY);
	}

}
