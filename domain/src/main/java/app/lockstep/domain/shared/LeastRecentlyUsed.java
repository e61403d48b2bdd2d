package app.lockstep.domain.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A bounded, thread-safe map that forgets the least recently used entry first: for what
 * an instance remembers of values that never change (config revisions, drift headlines of
 * given revisions), which need no invalidation, only a bound.
 */
public final class LeastRecentlyUsed<K, V> {

	private final Map<K, V> entries;

	public LeastRecentlyUsed(int capacity) {
		this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > capacity;
			}
		};
	}

	public synchronized @Nullable V get(K key) {
		return this.entries.get(key);
	}

	public synchronized void put(K key, V value) {
		this.entries.put(key, value);
	}

	public synchronized int size() {
		return this.entries.size();
	}

}
