package app.lockstep.persistence.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import app.lockstep.domain.shared.CacheTrust;
import app.lockstep.domain.shared.InstanceCache;
import app.lockstep.domain.shared.InstanceCaches;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's caches in step with the database. One connection listens on the
 * {@value #CHANNEL} channel, where triggers announce every change that could make a
 * cached entry wrong (migration V11), and empties the caches of that kind and
 * organization.
 * <p>
 * The caches are trusted only while listening is proven to work: every
 * {@link #PING_INTERVAL} the listener sends a query and then drains what was announced,
 * which makes every change committed before that query visible here. A cache answers from
 * memory only when that last happened less than {@code lockstep.cache.trust-window} ago
 * (750 ms by default). So a change is in effect on every instance within one second of
 * its commit whatever happens to the listener: should its connection fail or its thread
 * stall, the caches stop answering and every read goes to the database until it listens
 * again (and it empties them all when it does, since it may have missed announcements).
 */
@Component
public class DatabaseInvalidations implements InstanceCaches, CacheTrust, SmartLifecycle {

	public static final String CHANNEL = "lockstep_cache";

	/** How the listening connection shows in pg_stat_activity. */
	public static final String APPLICATION_NAME = "lockstep-cache-listener";

	static final Duration PING_INTERVAL = Duration.ofMillis(150);

	private static final Logger log = LoggerFactory.getLogger(DatabaseInvalidations.class);

	private final DataSource dataSource;

	private final boolean enabled;

	private final long trustWindowNanos;

	private final Map<String, List<InstanceCache<?, ?>>> byKind = new ConcurrentHashMap<>();

	/** System.nanoTime() before the last ping whose announcements were all applied. */
	private volatile long heardUpTo;

	private volatile boolean heard;

	private volatile boolean running;

	private final AtomicLong announcements = new AtomicLong();

	private @Nullable Thread listener;

	DatabaseInvalidations(DataSource dataSource, @Value("${lockstep.cache.enabled:true}") boolean enabled,
			@Value("${lockstep.cache.trust-window:750ms}") Duration trustWindow) {
		this.dataSource = dataSource;
		this.enabled = enabled;
		this.trustWindowNanos = trustWindow.toNanos();
	}

	@Override
	public <K, V> InstanceCache<K, V> create(String name, int maxEntries, String kind) {
		InstanceCache<K, V> cache = this.enabled ? new InstanceCache<>(name, maxEntries, this)
				: InstanceCache.disabled(name);
		this.byKind.computeIfAbsent(kind, (k) -> new CopyOnWriteArrayList<>()).add(cache);
		return cache;
	}

	@Override
	public boolean trusted() {
		return this.running && this.heard && System.nanoTime() - this.heardUpTo < this.trustWindowNanos;
	}

	/**
	 * Empties this instance's caches of these kinds (a write of this instance committed).
	 */
	void invalidateHere(java.util.Collection<String> kinds) {
		for (String kind : kinds) {
			this.byKind.getOrDefault(kind, List.of()).forEach(InstanceCache::invalidateAll);
		}
	}

	/** Announcements applied since start (for tests and metrics). */
	public long announcements() {
		return this.announcements.get();
	}

	@Override
	public void start() {
		if (!this.enabled) {
			return;
		}
		this.running = true;
		this.listener = Thread.ofPlatform().name("lockstep-cache-listener").daemon().start(this::listen);
	}

	@Override
	public void stop() {
		this.running = false;
		this.heard = false;
		Thread thread = this.listener;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		invalidateEverything();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		Duration backoff = Duration.ofMillis(100);
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("set application_name = '" + APPLICATION_NAME + "'");
					statement.execute("listen " + CHANNEL);
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				// Whatever changed while this instance was not listening.
				invalidateEverything();
				backoff = Duration.ofMillis(100);
				while (this.running) {
					long before = System.nanoTime();
					try (Statement statement = connection.createStatement()) {
						statement.execute("select 1");
					}
					apply(pg.getNotifications());
					this.heardUpTo = before;
					this.heard = true;
					apply(pg.getNotifications((int) PING_INTERVAL.toMillis()));
				}
				try (Statement statement = connection.createStatement()) {
					// Back to the pool as it came.
					statement.execute("unlisten *; reset application_name");
				}
			}
			catch (SQLException | RuntimeException ex) {
				this.heard = false;
				invalidateEverything();
				if (this.running) {
					log.warn("Not hearing of database changes ({}); caches are bypassed until listening again",
							ex.getMessage());
					pause(backoff);
					backoff = (backoff.compareTo(Duration.ofSeconds(5)) < 0) ? backoff.multipliedBy(2) : backoff;
				}
			}
		}
	}

	private void apply(PGNotification[] notifications) {
		if (notifications == null) {
			return;
		}
		for (PGNotification notification : notifications) {
			this.announcements.incrementAndGet();
			String payload = notification.getParameter();
			int colon = payload.indexOf(':');
			String kind = (colon > 0) ? payload.substring(0, colon) : payload;
			String org = (colon > 0) ? payload.substring(colon + 1) : "*";
			List<InstanceCache<?, ?>> caches = this.byKind.getOrDefault(kind, List.of());
			OrgId orgId = parse(org);
			for (InstanceCache<?, ?> cache : caches) {
				if (orgId == null) {
					cache.invalidateAll();
				}
				else {
					cache.invalidate(orgId);
				}
			}
		}
	}

	private static @Nullable OrgId parse(String org) {
		try {
			return new OrgId(java.util.UUID.fromString(org));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private void invalidateEverything() {
		this.byKind.values().forEach((caches) -> caches.forEach(InstanceCache::invalidateAll));
	}

	private void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
