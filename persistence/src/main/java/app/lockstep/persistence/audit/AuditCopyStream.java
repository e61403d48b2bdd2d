package app.lockstep.persistence.audit;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongFunction;
import java.util.function.Predicate;

import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.shared.Actor;
import app.lockstep.persistence.shared.Json;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import static app.lockstep.persistence.jooq.Tables.AUDIT_EVENTS;

/**
 * Streams audit events with {@code COPY (SELECT ...) TO STDOUT}, in keyset chunks, as a
 * pipeline of three: PostgreSQL produces rows, a reader thread decodes them into events,
 * and the calling thread hands them to the visitor (hashing, for a verification; writing
 * the response, for an export). A cursor would make each wait for the others; with COPY
 * the server runs ahead, held back only by the socket, and a small queue of batches holds
 * the reader back, so memory stays constant.
 * <p>
 * The reader uses the caller's connection (and so its transaction and its tenant binding)
 * while the caller only takes from the queue; the caller returns only after the reader is
 * done with it. A chunk is at most what is read and dropped once the visitor stops.
 */
final class AuditCopyStream {

	/** The columns, in the order {@link #toEvent} reads them. */
	static final List<Field<?>> FIELDS = List.of(AUDIT_EVENTS.SEQ,
			DSL.field("floor(extract(epoch from {0}) * 1000)::bigint", Long.class, AUDIT_EVENTS.OCCURRED_AT),
			AUDIT_EVENTS.ACTOR_TYPE, AUDIT_EVENTS.ACTOR_ID, AUDIT_EVENTS.ACTOR_NAME, AUDIT_EVENTS.IP,
			AUDIT_EVENTS.ACTION, AUDIT_EVENTS.TARGET_TYPE, AUDIT_EVENTS.TARGET_ID, AUDIT_EVENTS.PROJECT_SLUG,
			AUDIT_EVENTS.ENVIRONMENT_NAME, AUDIT_EVENTS.DETAILS.cast(String.class), AUDIT_EVENTS.PREV_HASH,
			AUDIT_EVENTS.HASH);

	static final int BATCH = 256;

	private static final List<AuditEvent> END = List.of();

	private final PGConnection connection;

	private final LongFunction<String> chunkAfter;

	private final int chunkSize;

	private final BlockingQueue<List<AuditEvent>> queue = new ArrayBlockingQueue<>(8);

	private volatile boolean stopped;

	private volatile @Nullable RuntimeException failure;

	/**
	 * @param chunkAfter the SELECT of at most {@code chunkSize} events after a sequence
	 * number, in sequence order, with the columns of {@link #FIELDS}
	 */
	AuditCopyStream(PGConnection connection, LongFunction<String> chunkAfter, int chunkSize) {
		this.connection = connection;
		this.chunkAfter = chunkAfter;
		this.chunkSize = chunkSize;
	}

	/** Feeds every event to {@code visitor} while it answers true. */
	void forEach(Predicate<AuditEvent> visitor) {
		Thread reader = Thread.ofPlatform().name("audit-copy-reader").daemon().start(this::read);
		boolean ended = false;
		try {
			List<AuditEvent> batch;
			while (!ended && (batch = take()) != END) {
				for (AuditEvent event : batch) {
					if (!visitor.test(event)) {
						return;
					}
				}
			}
			ended = true;
		}
		finally {
			this.stopped = true;
			while (!ended) {
				// what the reader still hands over once told to stop is dropped
				ended = take() == END;
			}
			join(reader);
		}
		RuntimeException failed = this.failure;
		if (failed != null) {
			throw failed;
		}
	}

	private void read() {
		try {
			long after = 0;
			while (!this.stopped) {
				CopyOut copy = this.connection.getCopyAPI()
					.copyOut("copy (" + this.chunkAfter.apply(after) + ") to stdout");
				int rows = 0;
				List<AuditEvent> batch = new ArrayList<>(BATCH);
				byte[] row;
				while ((row = copy.readFromCopy()) != null) {
					rows++;
					if (this.stopped) {
						continue;
					}
					AuditEvent event = toEvent(CopyTextRow.split(row, FIELDS.size()));
					after = event.seq();
					batch.add(event);
					if (batch.size() == BATCH) {
						put(batch);
						batch = new ArrayList<>(BATCH);
					}
				}
				if (!batch.isEmpty()) {
					put(batch);
				}
				if (rows < this.chunkSize) {
					break;
				}
			}
		}
		catch (SQLException ex) {
			this.failure = new IllegalStateException("Reading the audit trail failed: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			this.failure = ex;
		}
		finally {
			put(END);
		}
	}

	/** A COPY row; the columns that are never null are not checked again. */
	static AuditEvent toEvent(@Nullable String[] row) {
		return new AuditEvent(Long.parseLong(row[0]), Instant.ofEpochMilli(Long.parseLong(row[1])),
				new Actor(Actor.Type.valueOf(row[2]), row[3], row[4], row[5]), row[6], row[7], row[8], row[9], row[10],
				Json.map(row[11]), row[12], row[13]);
	}

	private List<AuditEvent> take() {
		try {
			return this.queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the audit trail", ex);
		}
	}

	private void put(List<AuditEvent> batch) {
		try {
			this.queue.put(batch);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the audit trail", ex);
		}
	}

	private static void join(Thread reader) {
		try {
			reader.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
