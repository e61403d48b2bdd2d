package app.lockstep.persistence.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import app.lockstep.domain.config.SecretRead;
import app.lockstep.domain.shared.OrgId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Records secret reads with group commit: a reader hands its read over and waits until
 * the transaction that holds it has committed; a writer commits whatever reads arrived
 * meanwhile in one transaction, as one statement per organization (one round trip for the
 * statements, one for the commit), however many readers there are. So no read leaves
 * without its record, while the database sees a handful of commits a second instead of
 * one per read.
 */
@Component
class SecretReadRecorder implements SmartLifecycle {

	/**
	 * One statement per organization in a batch, however many reads it holds (reads alike
	 * but for their time are one row with their count): the rows come as arrays, one per
	 * column, and unnest into rows. The statement binds itself to its organization for
	 * row-level security (reads of several organizations share a batch). Each read's
	 * secret names are a slice {@code [first:last]} of one array of all the batch's
	 * names.
	 */
	static final String RECORD = """
			insert into lockstep.secret_reads (org_id, read_at, last_read_at, reads, actor_type, actor_id, actor_name,
			    actor_ip, environment_id, project_slug, environment_name, revision, project_revision,
			    sensitive_variables)
			select ?::uuid, r.read_at::timestamptz, r.last_read_at::timestamptz, r.reads, r.actor_type, r.actor_id,
			    r.actor_name, r.actor_ip, r.environment_id::uuid, r.project_slug, r.environment_name, r.revision,
			    r.project_revision, coalesce((?::text[])[r.first:r.last], '{}')
			from (select set_config('lockstep.org_id', ?, true), set_config('synchronous_commit', ?, true)) as bound,
			    unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			        ?::text[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[])
			        as r (read_at, last_read_at, actor_type, actor_id, actor_name, actor_ip, environment_id,
			            project_slug, environment_name, reads, revision, project_revision, first, last)""";

	private static final int MAX_BATCH = 1_000;

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(SecretReadRecorder.class);

	private record Pending(SecretRead read, CompletableFuture<Void> recorded) {
	}

	private final DataSource dataSource;

	private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private volatile boolean running;

	/**
	 * Writers working at once (one by default: then each batch holds every read that
	 * arrived while the previous one committed, the fewest commits for PostgreSQL; more
	 * overlap one batch's statement with another's disk flush, see decision 14).
	 */
	private final int writerCount;

	private final List<Thread> writers = new ArrayList<>();

	/**
	 * {@code off} (the default since decision 35): a batch's commit returns once it is
	 * committed in PostgreSQL (visible to every session, flushed within about 0.6 s),
	 * which a killed instance cannot lose but a crash of PostgreSQL or its machine can;
	 * each read waits microseconds instead of a disk flush. {@code on}: once PostgreSQL
	 * has flushed it to disk, so a record survives a crash of PostgreSQL itself, and the
	 * config GET is bound by (connections / flush time) (see decisions 14 and 35).
	 */
	private final String synchronousCommit;

	SecretReadRecorder(DataSource dataSource,
			@Value("${lockstep.audit.secret-reads-synchronous-commit:false}") boolean synchronousCommit,
			@Value("${lockstep.audit.secret-read-writers:1}") int writerCount) {
		if (writerCount < 1) {
			throw new IllegalArgumentException("lockstep.audit.secret-read-writers must be at least 1, not "
					+ writerCount
					+ ": without a writer every config read with secrets would wait for a record never written");
		}
		this.dataSource = dataSource;
		this.writerCount = writerCount;
		this.synchronousCommit = synchronousCommit ? "on" : "off";
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
		for (int i = 0; i < this.writerCount; i++) {
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
				for (Map.Entry<OrgId, List<SecretRead>> reads : records(batch).entrySet()) {
					bind(connection, insert, reads.getKey(), reads.getValue());
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

	/**
	 * The batch's records by organization: reads alike but for their time are one record
	 * with their count, first and last time.
	 */
	private static Map<OrgId, List<SecretRead>> records(List<Pending> batch) {
		Map<SecretRead, SecretRead> alike = new LinkedHashMap<>();
		for (Pending pending : batch) {
			alike.merge(pending.read().timeless(), pending.read(), SecretRead::and);
		}
		Map<OrgId, List<SecretRead>> byOrg = new LinkedHashMap<>();
		for (SecretRead record : alike.values()) {
			byOrg.computeIfAbsent(record.org(), (org) -> new ArrayList<>()).add(record);
		}
		return byOrg;
	}

	private void bind(Connection connection, PreparedStatement insert, OrgId org, List<SecretRead> reads)
			throws SQLException {
		int n = reads.size();
		String[] readAt = new String[n];
		String[] actorType = new String[n];
		String[] actorId = new String[n];
		String[] actorName = new String[n];
		String[] actorIp = new String[n];
		String[] environment = new String[n];
		String[] project = new String[n];
		String[] environmentName = new String[n];
		String[] lastReadAt = new String[n];
		Integer[] count = new Integer[n];
		Integer[] revision = new Integer[n];
		Integer[] projectRevision = new Integer[n];
		Integer[] first = new Integer[n];
		Integer[] last = new Integer[n];
		List<String> names = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			SecretRead read = reads.get(i);
			readAt[i] = read.readAt().toString();
			lastReadAt[i] = read.lastReadAt().toString();
			count[i] = read.reads();
			actorType[i] = read.actor().type().name();
			actorId[i] = read.actor().id();
			actorName[i] = read.actor().name();
			actorIp[i] = read.actor().ip();
			environment[i] = read.environment().value().toString();
			project[i] = read.project();
			environmentName[i] = read.environmentName();
			revision[i] = read.revision();
			projectRevision[i] = read.projectRevision();
			// PostgreSQL arrays count from 1; an empty slice is [k+1:k].
			first[i] = names.size() + 1;
			names.addAll(read.sensitiveVariables());
			last[i] = names.size();
		}
		insert.setObject(1, org.value());
		insert.setArray(2, connection.createArrayOf("text", names.toArray()));
		insert.setString(3, org.toString());
		insert.setString(4, this.synchronousCommit);
		int column = 5;
		for (Object[] values : List.<Object[]>of(readAt, lastReadAt, actorType, actorId, actorName, actorIp,
				environment, project, environmentName)) {
			insert.setArray(column++, connection.createArrayOf("text", values));
		}
		for (Integer[] values : List.of(count, revision, projectRevision, first, last)) {
			insert.setArray(column++, connection.createArrayOf("int4", values));
		}
	}

}
