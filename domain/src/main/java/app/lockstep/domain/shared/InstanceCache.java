package app.lockstep.domain.shared;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A bounded in-memory cache of one kind of database read, kept by this instance and
 * emptied (per organization, or whole) when the database says what it holds changed.
 * <p>
 * Two rules keep it from answering with something older than the database:
 * <ul>
 * <li>It answers from memory only while its {@link CacheTrust} says this instance hears
 * of changes promptly; otherwise it reads through and keeps nothing.</li>
 * <li>A value loaded while an invalidation arrived is not kept: every invalidation bumps
 * a generation, and a load keeps its value only if the generation did not move (the load
 * may have read the database just before the change committed).</li>
 * </ul>
 * Absent values (an unknown token, a non-member) are never kept, so a new row needs no
 * invalidation.
 */
public final class InstanceCache<K, V> {

	private record Entry<V>(@Nullable OrgId org, V value) {
	}

	private final String name;

	private final int maxEntries;

	private final CacheTrust trust;

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	private final AtomicLong hits = new AtomicLong();

	private final AtomicLong loads = new AtomicLong();

	public InstanceCache(String name, int maxEntries, CacheTrust trust) {
		this.name = name;
		this.maxEntries = maxEntries;
		this.trust = trust;
	}

	/** A cache that never keeps anything (the behaviour without caching). */
	public static <K, V> InstanceCache<K, V> disabled(String name) {
		return new InstanceCache<>(name, 0, CacheTrust.NEVER);
	}

	public String name() {
		return this.name;
	}

	/**
	 * The cached value, or the loader's (kept when present and safe to keep);
	 * {@code orgOf} tells which organization's invalidations remove it.
	 */
	public Optional<V> get(K key, Supplier<Optional<V>> loader, Function<V, @Nullable OrgId> orgOf) {
		if (!this.trust.trusted()) {
			this.entries.clear();
			this.loads.incrementAndGet();
			return loader.get();
		}
		Entry<V> entry = this.entries.get(key);
		if (entry != null) {
			this.hits.incrementAndGet();
			return Optional.of(entry.value());
		}
		long before = this.generation.get();
		this.loads.incrementAndGet();
		Optional<V> loaded = loader.get();
		if (loaded.isPresent() && this.maxEntries > 0) {
			if (this.entries.size() >= this.maxEntries) {
				this.entries.clear();
			}
			this.entries.put(key, new Entry<>(orgOf.apply(loaded.get()), loaded.get()));
			if (this.generation.get() != before || !this.trust.trusted()) {
				this.entries.remove(key);
			}
		}
		return loaded;
	}

	/**
	 * The cached value only, never a load: empty when it is not in memory or the cache is
	 * not trusted now (the caller then takes the path that loads).
	 */
	public Optional<V> peek(K key) {
		if (!this.trust.trusted()) {
			return Optional.empty();
		}
		Entry<V> entry = this.entries.get(key);
		if (entry == null) {
			return Optional.empty();
		}
		this.hits.incrementAndGet();
		return Optional.of(entry.value());
	}

	/** Forgets one entry (it went stale by time, not by a change in the database). */
	public void forget(K key) {
		this.entries.remove(key);
	}

	/** Forgets every entry of the organization. */
	public void invalidate(OrgId org) {
		this.generation.incrementAndGet();
		this.entries.values().removeIf((entry) -> entry.org() == null || entry.org().equals(org));
	}

	/** Forgets everything. */
	public void invalidateAll() {
		this.generation.incrementAndGet();
		this.entries.clear();
	}

	public int size() {
		return this.entries.size();
	}

	/** Answers from memory since start. */
	public long hits() {
		return this.hits.get();
	}

	/** Reads through to the loader since start. */
	public long loads() {
		return this.loads.get();
	}

}
