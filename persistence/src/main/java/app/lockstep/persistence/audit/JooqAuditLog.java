package app.lockstep.persistence.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import app.lockstep.domain.audit.AuditChain;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.audit.ChainHead;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.AuditEventsRecord;
import app.lockstep.persistence.shared.Json;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.SelectLimitPercentStep;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static app.lockstep.persistence.jooq.Tables.AUDIT_EVENTS;
import static app.lockstep.persistence.jooq.Tables.PROJECTS;
import static app.lockstep.persistence.jooq.Tables.AUDIT_HEADS;

/**
 * Appends audit events to each organization's hash chain: a gapless sequence number,
 * {@code prev_hash} and {@code hash} (see {@link AuditChain}).
 * <p>
 * An append inside a transaction only records the event (with its time, truncated to
 * milliseconds). When the transaction commits, a synchronization that runs as late as
 * possible in {@code beforeCommit} takes the organization's head row (an upsert that
 * locks it), numbers and hashes the transaction's events, inserts them and moves the
 * head. So the head is held only from that insert to the commit: appends of one
 * organization queue for that moment only, never for the whole business transaction, and
 * other organizations never wait. A transaction that rolls back writes nothing.
 */
@Repository
class JooqAuditLog implements AuditLog {

	/** After every other beforeCommit work, so the head is taken as late as possible. */
	static final int FLUSH_ORDER = Ordered.LOWEST_PRECEDENCE - 1;

	/**
	 * Rows per COPY statement of {@link #scan}: what is read and dropped at most once a
	 * visitor stops.
	 */
	static final int SCAN_CHUNK = 20_000;

	/** Rows per insert statement (PostgreSQL takes at most 65535 parameters). */
	static final int INSERT_BATCH = 1000;

	/**
	 * Events of a time range below the cursor that a page reads through the time index
	 * even when the cursor is inside the range; with more, it walks back from the cursor.
	 */
	static final int NARROW_RANGE = 5_000;

	private final DSLContext dsl;

	private final Clock clock;

	private final int scanChunk;

	private final int narrowRange;

	/** Sends statements with their values inlined: planned for them, never prepared. */
	private final DSLContext planned;

	@Autowired
	JooqAuditLog(DSLContext dsl, Clock clock) {
		this(dsl, clock, SCAN_CHUNK, NARROW_RANGE);
	}

	JooqAuditLog(DSLContext dsl, Clock clock, int scanChunk, int narrowRange) {
		this.dsl = dsl;
		this.clock = clock;
		this.scanChunk = scanChunk;
		this.narrowRange = narrowRange;
		this.planned = dsl.configuration()
			.deriveSettings((settings) -> settings.withStatementType(StatementType.STATIC_STATEMENT))
			.dsl();
	}

	@Override
	public void append(OrgId org, Actor actor, AuditEntry entry) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException(
					"An audit event is written only inside the transaction of the change it records");
		}
		pending().add(org, new Entry(actor, entry, AuditChain.truncate(this.clock.instant())));
	}

	/**
	 * The events this transaction appended so far. Found among the current transaction's
	 * synchronizations (not as a bound resource), so a suspended outer transaction keeps
	 * its own.
	 */
	private Pending pending() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Pending pending && pending.owner() == this) {
				return pending;
			}
		}
		Pending pending = new Pending(this);
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	private void flush(OrgId org, List<Entry> entries) {
		int count = entries.size();
		Record2<Long, String> head = this.dsl.insertInto(AUDIT_HEADS)
			.set(AUDIT_HEADS.ORG_ID, org.value())
			.set(AUDIT_HEADS.LAST_SEQ, (long) count)
			.set(AUDIT_HEADS.LAST_HASH, AuditChain.GENESIS)
			.onConflict(AUDIT_HEADS.ORG_ID)
			.doUpdate()
			.set(AUDIT_HEADS.LAST_SEQ, AUDIT_HEADS.LAST_SEQ.plus(count))
			.returning(AUDIT_HEADS.LAST_SEQ, AUDIT_HEADS.LAST_HASH)
			.fetchSingle()
			.into(AUDIT_HEADS.LAST_SEQ, AUDIT_HEADS.LAST_HASH);
		long seq = head.value1() - count;
		String previous = head.value2();
		InsertValuesStepN<AuditEventsRecord> insert = null;
		int rows = 0;
		for (Entry entry : entries) {
			seq++;
			Map<String, @Nullable Object> details = AuditChain.normalize(entry.entry().details());
			AuditEntry e = entry.entry();
			String canonical = AuditChain.canonicalJson(org, seq, entry.at(), entry.actor(), e.action(), e.targetType(),
					e.targetId(), e.projectSlug(), e.environmentName(), details);
			String hash = AuditChain.hash(previous, canonical);
			if (insert == null) {
				insert = this.dsl.insertInto(AUDIT_EVENTS, COLUMNS);
			}
			insert = insert.values(org.value(), seq, entry.at().atOffset(ZoneOffset.UTC), entry.actor().type().name(),
					entry.actor().id(), entry.actor().name(), e.action(), e.targetType(), e.targetId(), e.projectSlug(),
					e.environmentName(), Json.of(details), entry.actor().ip(), previous, hash);
			previous = hash;
			if (++rows == INSERT_BATCH) {
				insert.execute();
				insert = null;
				rows = 0;
			}
		}
		if (insert != null) {
			insert.execute();
		}
		this.dsl.update(AUDIT_HEADS)
			.set(AUDIT_HEADS.LAST_HASH, previous)
			.where(AUDIT_HEADS.ORG_ID.eq(org.value()))
			.execute();
	}

	private static final List<Field<?>> COLUMNS = List.of(AUDIT_EVENTS.ORG_ID, AUDIT_EVENTS.SEQ,
			AUDIT_EVENTS.OCCURRED_AT, AUDIT_EVENTS.ACTOR_TYPE, AUDIT_EVENTS.ACTOR_ID, AUDIT_EVENTS.ACTOR_NAME,
			AUDIT_EVENTS.ACTION, AUDIT_EVENTS.TARGET_TYPE, AUDIT_EVENTS.TARGET_ID, AUDIT_EVENTS.PROJECT_SLUG,
			AUDIT_EVENTS.ENVIRONMENT_NAME, AUDIT_EVENTS.DETAILS, AUDIT_EVENTS.IP, AUDIT_EVENTS.PREV_HASH,
			AUDIT_EVENTS.HASH);

	/**
	 * A page, newest first. Its statement is sent with the values inlined, so it is
	 * planned for this organization and these filters: a prepared statement may be given
	 * a generic plan after five runs, made for an organization of average size. At 10M
	 * events that is 1/1,000 of them, and the organization with a million paid: its
	 * action + project + free-text page read all 83,000 {@code config.saved} events and
	 * sorted them, where the generic plan expected 833 (160 ms a page).
	 */
	@Override
	public List<AuditEvent> page(OrgId org, AuditFilter filter, @Nullable Long beforeSeq, int limit) {
		Condition condition = matching(org, filter);
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
			return inSequenceOrder(() -> newest.fetch(JooqAuditLog::toEvent));
		}
		return newest.fetch(JooqAuditLog::toEvent);
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
		Condition below = AUDIT_EVENTS.ORG_ID.eq(org.value());
		if (beforeSeq != null) {
			below = below.and(AUDIT_EVENTS.SEQ.lt(beforeSeq));
		}
		OffsetDateTime at = this.planned.select(AUDIT_EVENTS.OCCURRED_AT)
			.from(AUDIT_EVENTS)
			.where(below)
			.orderBy(AUDIT_EVENTS.SEQ.desc())
			.limit(1)
			.fetchOne(AUDIT_EVENTS.OCCURRED_AT);
		return at != null && (filter.from() == null || !at.toInstant().isBefore(filter.from()))
				&& (filter.to() == null || at.toInstant().isBefore(filter.to()));
	}

	/**
	 * A page of a time range read from the time index: the sequence numbers of all its
	 * matching events (from the index alone when only the range filters; see
	 * {@link #seqsOf}), the newest of them kept, and only those rows fetched. Asked for
	 * "newest by seq, limit 50", the planner would rather walk back from the head,
	 * expecting matches spread evenly over the chain; but a range's events sit together,
	 * so for a month a few months back that walk passed every newer event first (p95 155
	 * ms at 1M events).
	 */
	private List<AuditEvent> throughTheTimeIndex(OrgId org, Condition inRange, int limit) {
		CommonTableExpression<Record1<Long>> range = seqsOf(inRange);
		Field<Long> seq = range.field("seq", Long.class);
		return this.planned.with(range)
			.selectFrom(AUDIT_EVENTS)
			.where(AUDIT_EVENTS.ORG_ID.eq(org.value())
				.and(AUDIT_EVENTS.SEQ.in(this.planned.select(seq).from(range).orderBy(seq.desc()).limit(limit))))
			.orderBy(AUDIT_EVENTS.SEQ.desc())
			.fetch(JooqAuditLog::toEvent);
	}

	/**
	 * The sequence numbers of the matching events of a time range, read in a materialized
	 * CTE: through the time index, which carries them, where the planner would otherwise
	 * walk the primary key (for a page's {@code order by seq limit 50}, or for
	 * {@code min(seq)} and {@code max(seq)}, which it turns into such walks).
	 */
	private CommonTableExpression<Record1<Long>> seqsOf(Condition inRange) {
		return DSL.name("in_range")
			.fields("seq")
			.asMaterialized(this.planned.select(AUDIT_EVENTS.SEQ).from(AUDIT_EVENTS).where(inRange));
	}

	@Override
	public List<AuditEvent> ofTarget(OrgId org, String targetId, int limit) {
		return this.dsl.selectFrom(AUDIT_EVENTS)
			.where(AUDIT_EVENTS.ORG_ID.eq(org.value()).and(AUDIT_EVENTS.TARGET_ID.eq(targetId)))
			.orderBy(AUDIT_EVENTS.SEQ.asc())
			.limit(limit)
			.fetch(JooqAuditLog::toEvent);
	}

	@Override
	public Optional<AuditEvent> event(OrgId org, long seq) {
		return this.dsl.selectFrom(AUDIT_EVENTS)
			.where(AUDIT_EVENTS.ORG_ID.eq(org.value()).and(AUDIT_EVENTS.SEQ.eq(seq)))
			.fetchOptional(JooqAuditLog::toEvent);
	}

	/**
	 * Streams with COPY in keyset chunks of {@link #SCAN_CHUNK} rows (see
	 * {@link AuditCopyStream}). COPY takes no bind parameters, so each chunk's query is
	 * rendered with jOOQ's inlined, quoted literals; RLS applies to it as to any query.
	 * The chunks are read in index order (see {@link #inSequenceOrder}); a time range is
	 * first narrowed to the sequence numbers of the events inside it, so that walk covers
	 * only them.
	 */
	@Override
	public void scan(OrgId org, AuditFilter filter, long upToSeq, Predicate<AuditEvent> visitor) {
		Condition matching = scanned(org, filter, upToSeq);
		if (matching == null) {
			return;
		}
		this.dsl.connection((connection) -> {
			PGConnection copying = connection.unwrap(PGConnection.class);
			inSequenceOrder(() -> {
				new AuditCopyStream(copying, (after) -> chunkAfter(matching, after), this.scanChunk).forEach(visitor);
				return null;
			});
		});
	}

	/** What a scan reads; null when a time range holds no event. */
	@Nullable Condition scanned(OrgId org, AuditFilter filter, long upToSeq) {
		Condition matching = matching(org, filter).and(AUDIT_EVENTS.SEQ.le(upToSeq));
		if (filter.from() == null && filter.to() == null) {
			return matching;
		}
		CommonTableExpression<Record1<Long>> range = seqsOf(matching);
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

	/**
	 * Runs a read with sorting priced out of the planner's choices, so it walks an index
	 * in sequence order. For a scan: left to itself, the planner multiplies the
	 * selectivity of the organization by that of the sequence range as if they were
	 * independent: at 10 million events, for the last fifth of a 1,000,000-event chain it
	 * expected 21,000 rows where 220,000 matched, and chose to sort them all on disk for
	 * each chunk of 20,000 (up to 570 ms a chunk instead of about 100). The setting is
	 * local to the transaction: put back afterwards, or gone with the transaction if the
	 * read fails (it may be aborted, and then could not take another statement).
	 */
	<T> T inSequenceOrder(Supplier<T> read) {
		this.dsl.execute("set local enable_sort = off");
		T result = read.get();
		this.dsl.execute("set local enable_sort = on");
		return result;
	}

	@Override
	public ChainHead head(OrgId org) {
		return this.dsl.select(AUDIT_HEADS.LAST_SEQ, AUDIT_HEADS.LAST_HASH)
			.from(AUDIT_HEADS)
			.where(AUDIT_HEADS.ORG_ID.eq(org.value()))
			.fetchOptional((record) -> new ChainHead(record.value1(), record.value2()))
			.orElse(ChainHead.EMPTY);
	}

	/**
	 * The distinct actions, read by skipping through the (org_id, action, seq) index one
	 * action at a time rather than scanning every event.
	 */
	@Override
	public List<String> actions(OrgId org) {
		return this.dsl.resultQuery("""
				with recursive actions (action) as (
				    (select action from lockstep.audit_events where org_id = {0} order by action limit 1)
				    union all
				    select (select e.action from lockstep.audit_events e
				             where e.org_id = {0} and e.action > a.action order by e.action limit 1)
				      from actions a where a.action is not null)
				select action from actions where action is not null order by action""", DSL.val(org.value()))
			.fetch(0, String.class);
	}

	/**
	 * The filter as SQL, always with the organization first (it leads every index). A
	 * filter by a kind of action ({@code freeze} for {@code freeze.added},
	 * {@code freeze.removed}, ...) names the organization's actions of that kind, read
	 * first by {@link #actions}: {@code action like 'freeze.%'} cannot use the (org_id,
	 * action, seq) index under a collation other than "C", so a rare kind walked the
	 * whole chain (a million events for the environment timeline's freezes). A kind the
	 * organization never recorded matches nothing without reading an event.
	 */
	Condition matching(OrgId org, AuditFilter filter) {
		if (filter.action() != null && !filter.action().contains(".")) {
			String kind = filter.action() + ".";
			List<String> actions = actions(org).stream().filter((action) -> action.startsWith(kind)).toList();
			return matching(org, filter, actions.isEmpty() ? DSL.falseCondition() : AUDIT_EVENTS.ACTION.in(actions));
		}
		return matching(org, filter, null);
	}

	private static Condition matching(OrgId org, AuditFilter filter, @Nullable Condition kind) {
		Condition condition = AUDIT_EVENTS.ORG_ID.eq(org.value());
		if (filter.actor() != null) {
			condition = condition.and(AUDIT_EVENTS.ACTOR_ID.eq(filter.actor())
				.or(AUDIT_EVENTS.ACTOR_NAME.containsIgnoreCase(filter.actor())));
		}
		if (kind != null) {
			condition = condition.and(kind);
		}
		else if (filter.action() != null) {
			condition = condition.and(AUDIT_EVENTS.ACTION.eq(filter.action()));
		}
		if (filter.project() != null) {
			// The slug as recorded, or, when no project has that slug, the name of a
			// project of this organization (any case), as people know it. One IN list, so
			// the (org, project) index still serves; a slug never widens to another
			// project that happens to be named like it.
			var sameSlug = PROJECTS.as("same_slug");
			condition = condition.and(AUDIT_EVENTS.PROJECT_SLUG.in(DSL.select(DSL.val(filter.project()))
				.unionAll(DSL.select(PROJECTS.SLUG)
					.from(PROJECTS)
					.where(PROJECTS.ORG_ID.eq(org.value()))
					.and(DSL.lower(PROJECTS.NAME).eq(DSL.lower(DSL.val(filter.project()))))
					.andNotExists(DSL.selectOne()
						.from(sameSlug)
						.where(sameSlug.ORG_ID.eq(org.value()))
						.and(sameSlug.SLUG.eq(filter.project()))))));
		}
		if (filter.environment() != null) {
			condition = condition.and(AUDIT_EVENTS.ENVIRONMENT_NAME.eq(filter.environment()));
		}
		if (filter.from() != null) {
			condition = condition.and(AUDIT_EVENTS.OCCURRED_AT.ge(filter.from().atOffset(ZoneOffset.UTC)));
		}
		if (filter.to() != null) {
			condition = condition.and(AUDIT_EVENTS.OCCURRED_AT.lt(filter.to().atOffset(ZoneOffset.UTC)));
		}
		if (filter.text() != null) {
			Field<String> everything = DSL.concat(AUDIT_EVENTS.ACTION, DSL.inline(" "), AUDIT_EVENTS.ACTOR_NAME,
					DSL.inline(" "), DSL.coalesce(AUDIT_EVENTS.TARGET_ID, ""), DSL.inline(" "),
					DSL.coalesce(AUDIT_EVENTS.PROJECT_SLUG, ""), DSL.inline(" "),
					DSL.coalesce(AUDIT_EVENTS.ENVIRONMENT_NAME, ""), DSL.inline(" "),
					AUDIT_EVENTS.DETAILS.cast(String.class));
			condition = condition.and(everything.containsIgnoreCase(filter.text()));
		}
		return condition;
	}

	private static AuditEvent toEvent(AuditEventsRecord record) {
		return new AuditEvent(record.getSeq(), record.getOccurredAt().toInstant(),
				new Actor(Actor.Type.valueOf(record.getActorType()), record.getActorId(), record.getActorName(),
						record.getIp()),
				record.getAction(), record.getTargetType(), record.getTargetId(), record.getProjectSlug(),
				record.getEnvironmentName(), Json.map(record.getDetails()), record.getPrevHash(), record.getHash());
	}

	private record Entry(Actor actor, AuditEntry entry, Instant at) {
	}

	/**
	 * One transaction's appended events per organization, written to the chains just
	 * before it commits.
	 */
	private static final class Pending implements TransactionSynchronization {

		private final JooqAuditLog owner;

		private final Map<OrgId, List<Entry>> entries = new LinkedHashMap<>();

		Pending(JooqAuditLog owner) {
			this.owner = owner;
		}

		JooqAuditLog owner() {
			return this.owner;
		}

		void add(OrgId org, Entry entry) {
			this.entries.computeIfAbsent(org, (key) -> new ArrayList<>()).add(entry);
		}

		@Override
		public int getOrder() {
			return FLUSH_ORDER;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			// One organization per transaction in practice; several are taken in a fixed
			// order so two transactions can never wait for each other's heads.
			List<Map.Entry<OrgId, List<Entry>>> organizations = new ArrayList<>(this.entries.entrySet());
			organizations.sort(Map.Entry.comparingByKey(Comparator.comparing(OrgId::value)));
			for (Map.Entry<OrgId, List<Entry>> organization : organizations) {
				this.owner.flush(organization.getKey(), organization.getValue());
			}
			this.entries.clear();
		}

	}

}
