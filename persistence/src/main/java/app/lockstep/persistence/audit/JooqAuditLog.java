package app.lockstep.persistence.audit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.audit.ChainHead;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

/**
 * The audit log on PostgreSQL: appending to each organization's hash chain
 * ({@link AuditAppender}), pages and single events ({@link AuditPages}), streaming scans
 * and the chain head ({@link AuditScanner}), with the filter SQL they share
 * ({@link AuditQueries}).
 */
@Repository
class JooqAuditLog implements AuditLog {

	/**
	 * Rows per COPY statement of a scan: what is read and dropped at most once a visitor
	 * stops.
	 */
	static final int SCAN_CHUNK = 20_000;

	/**
	 * Events of a time range below the cursor that a page reads through the time index
	 * even when the cursor is inside the range; with more, it walks back from the cursor.
	 */
	static final int NARROW_RANGE = 5_000;

	private final AuditAppender appender;

	private final AuditQueries queries;

	private final AuditPages pages;

	private final AuditScanner scanner;

	@Autowired
	JooqAuditLog(DSLContext dsl, Clock clock) {
		this(dsl, clock, SCAN_CHUNK, NARROW_RANGE);
	}

	JooqAuditLog(DSLContext dsl, Clock clock, int scanChunk, int narrowRange) {
		this.appender = new AuditAppender(dsl, clock);
		this.queries = new AuditQueries(dsl);
		this.pages = new AuditPages(dsl, this.queries, narrowRange);
		this.scanner = new AuditScanner(dsl, this.queries, scanChunk);
	}

	@Override
	public void append(OrgId org, Actor actor, AuditEntry entry) {
		this.appender.append(org, actor, entry);
	}

	@Override
	public List<AuditEvent> page(OrgId org, AuditFilter filter, @Nullable Long beforeSeq, int limit) {
		return this.pages.page(org, filter, beforeSeq, limit);
	}

	@Override
	public List<AuditEvent> ofTarget(OrgId org, String targetId, int limit) {
		return this.pages.ofTarget(org, targetId, limit);
	}

	@Override
	public Optional<AuditEvent> event(OrgId org, long seq) {
		return this.pages.event(org, seq);
	}

	@Override
	public void scan(OrgId org, AuditFilter filter, long upToSeq, Predicate<AuditEvent> visitor) {
		this.scanner.scan(org, filter, upToSeq, visitor);
	}

	@Override
	public ChainHead head(OrgId org) {
		return this.scanner.head(org);
	}

	@Override
	public List<String> actions(OrgId org) {
		return this.queries.actions(org);
	}

}
