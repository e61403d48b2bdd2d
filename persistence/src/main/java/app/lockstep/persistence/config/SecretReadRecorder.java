package app.lockstep.persistence.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import app.lockstep.domain.config.SecretRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Records secret reads with group commit: a reader hands its read over and waits until
 * the transaction that holds it has committed; a writer commits whatever reads arrived
 * meanwhile in one transaction and one batch (one round trip for the statements, one for
 * the commit), however many readers there are. So no read leaves without its record,
 * while the database sees a handful of commits a second instead of one per read.
 */
@Component
class SecretReadRecorder implements SmartLifecycle {

	/**
	 * Each statement binds itself to its organization for row-level security (reads of
	 * several organizations share a batch).
	 */
	static final String RECORD = """
			insert into lockstep.secret_reads (org_id, read_at, actor_type, actor_id, actor_name, actor_ip,
			    environment_id, project_slug, environment_name, revision, project_revision, sensitive_variables)
			select ?::uuid, ?::timestamptz, ?, ?, ?, ?, ?::uuid, ?, ?, ?, ?, ?::text[]
			from (select set_config('lockstep.org_id', ?, true)) as bound""";

	private static final int MAX_BATCH = 1_000;

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(SecretReadRecorder.class);

	private record Pending(SecretRead read, CompletableFuture<Void> recorded) {
	}

	private final DataSource dataSource;

	private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private volatile boolean running;

	/**
	 * Writers working at once: while one waits for its commit to reach the disk, the next
	 * takes the reads that arrived meanwhile (PostgreSQL flushes concurrent commits
	 * together).
	 */
	private static final int WRITERS = 4;

	private final List<Thread> writers = new ArrayList<>();

	SecretReadRecorder(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Returns once the read is committed; throws when it could not be recorded. */
	void record(SecretRead read) {
		if (!this.running) {
			write(List.of(new Pending(read, new CompletableFuture<>())));
			return;
		}
		Pending pending = new Pending(read, new CompletableFuture<>());
		this.queue.add(pending);
		try {
			pending.recorded().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new DataAccessResourceFailureException("Could not record a secret read", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new DataAccessResourceFailureException("Recording a secret read timed out", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DataAccessResourceFailureException("Interrupted while recording a secret read", ex);
		}
	}

	@Override
	public void start() {
		this.running = true;
		for (int i = 0; i < WRITERS; i++) {
			this.writers.add(Thread.ofPlatform().name("lockstep-secret-reads-" + i).daemon().start(this::writeLoop));
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.writers.forEach(Thread::interrupt);
		for (Thread thread : this.writers) {
			try {
				thread.join(WAIT);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.writers.clear();
		// Whatever is still queued is written by the caller's own thread.
		List<Pending> left = new ArrayList<>();
		this.queue.drainTo(left);
		if (!left.isEmpty()) {
			write(left);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops after the web server (which stops earlier) and before the pool. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	private void writeLoop() {
		while (this.running) {
			List<Pending> batch = new ArrayList<>();
			try {
				batch.add(this.queue.take());
			}
			catch (InterruptedException ex) {
				break;
			}
			this.queue.drainTo(batch, MAX_BATCH - 1);
			write(batch);
		}
	}

	private void write(List<Pending> batch) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
				for (Pending pending : batch) {
					bind(connection, insert, pending.read());
					insert.addBatch();
				}
				insert.executeBatch();
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
			batch.forEach((pending) -> pending.recorded().complete(null));
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("Could not record {} secret reads; their requests fail: {}", batch.size(), ex.getMessage());
			RuntimeException failure = new DataAccessResourceFailureException("Could not record secret reads", ex);
			batch.forEach((pending) -> pending.recorded().completeExceptionally(failure));
		}
	}

	private static void bind(Connection connection, PreparedStatement insert, SecretRead read) throws SQLException {
		insert.setObject(1, read.org().value());
		insert.setObject(2, OffsetDateTime.ofInstant(read.readAt(), ZoneOffset.UTC));
		insert.setString(3, read.actor().type().name());
		insert.setString(4, read.actor().id());
		insert.setString(5, read.actor().name());
		insert.setString(6, read.actor().ip());
		insert.setObject(7, read.environment().value());
		insert.setString(8, read.project());
		insert.setString(9, read.environmentName());
		insert.setInt(10, read.revision());
		insert.setInt(11, read.projectRevision());
		insert.setArray(12, connection.createArrayOf("text", read.sensitiveVariables().toArray()));
		insert.setString(13, read.org().toString());
	}

}
