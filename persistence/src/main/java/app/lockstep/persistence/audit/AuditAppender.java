package app.lockstep.persistence.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.audit.AuditChain;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.AuditEventsRecord;
import app.lockstep.persistence.shared.Json;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record2;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static app.lockstep.persistence.jooq.Tables.AUDIT_EVENTS;
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
final class AuditAppender {

	/** After every other beforeCommit work, so the head is taken as late as possible. */
	static final int FLUSH_ORDER = Ordered.LOWEST_PRECEDENCE - 1;

	/** Rows per insert statement (PostgreSQL takes at most 65535 parameters). */
	static final int INSERT_BATCH = 1000;

	private final DSLContext dsl;

	private final Clock clock;

	AuditAppender(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	void append(OrgId org, Actor actor, AuditEntry entry) {
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
			.set(AUDIT_HEADS.ORG_ID, org)
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
			insert = insert.values(org.value(), seq, entry.at(), entry.actor().type().name(), entry.actor().id(),
					entry.actor().name(), e.action(), e.targetType(), e.targetId(), e.projectSlug(),
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
		this.dsl.update(AUDIT_HEADS).set(AUDIT_HEADS.LAST_HASH, previous).where(AUDIT_HEADS.ORG_ID.eq(org)).execute();
	}

	private static final List<Field<?>> COLUMNS = List.of(AUDIT_EVENTS.ORG_ID, AUDIT_EVENTS.SEQ,
			AUDIT_EVENTS.OCCURRED_AT, AUDIT_EVENTS.ACTOR_TYPE, AUDIT_EVENTS.ACTOR_ID, AUDIT_EVENTS.ACTOR_NAME,
			AUDIT_EVENTS.ACTION, AUDIT_EVENTS.TARGET_TYPE, AUDIT_EVENTS.TARGET_ID, AUDIT_EVENTS.PROJECT_SLUG,
			AUDIT_EVENTS.ENVIRONMENT_NAME, AUDIT_EVENTS.DETAILS, AUDIT_EVENTS.IP, AUDIT_EVENTS.PREV_HASH,
			AUDIT_EVENTS.HASH);

	private record Entry(Actor actor, AuditEntry entry, Instant at) {
	}

	/**
	 * One transaction's appended events per organization, written to the chains just
	 * before it commits.
	 */
	private static final class Pending implements TransactionSynchronization {

		private final AuditAppender owner;

		private final Map<OrgId, List<Entry>> entries = new LinkedHashMap<>();

		Pending(AuditAppender owner) {
			this.owner = owner;
		}

		AuditAppender owner() {
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
