package app.lockstep.domain.shared;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceCacheTest {

	private static final OrgId ACME = new OrgId(UUID.randomUUID());

	private static final OrgId GLOBEX = new OrgId(UUID.randomUUID());

	private final AtomicInteger loads = new AtomicInteger();

	private Optional<String> load(String value) {
		this.loads.incrementAndGet();
		return Optional.of(value);
	}

	@Test
	void aTrustedCacheLoadsOnceAndForgetsPerOrganization() {
		InstanceCache<String, String> cache = new InstanceCache<>("test", 10, CacheTrust.ALWAYS);
		cache.get("a", () -> load("A"), (v) -> ACME);
		cache.get("g", () -> load("G"), (v) -> GLOBEX);
		assertThat(cache.get("a", () -> load("A2"), (v) -> ACME)).contains("A");
		assertThat(this.loads).hasValue(2);

		cache.invalidate(ACME);
		assertThat(cache.get("a", () -> load("A2"), (v) -> ACME)).contains("A2");
		assertThat(cache.get("g", () -> load("G2"), (v) -> GLOBEX)).contains("G");
		assertThat(this.loads).hasValue(3);
	}

	@Test
	void anUntrustedCacheReadsThroughEveryTimeAndKeepsNothing() {
		AtomicBoolean trusted = new AtomicBoolean(true);
		InstanceCache<String, String> cache = new InstanceCache<>("test", 10, trusted::get);
		cache.get("a", () -> load("A"), (v) -> ACME);
		trusted.set(false);
		assertThat(cache.get("a", () -> load("B"), (v) -> ACME)).contains("B");
		assertThat(cache.get("a", () -> load("C"), (v) -> ACME)).contains("C");
		trusted.set(true);
		assertThat(cache.get("a", () -> load("D"), (v) -> ACME)).as("nothing kept from before").contains("D");
	}

	@Test
	void aValueLoadedWhileAnInvalidationArrivedIsNotKept() {
		InstanceCache<String, String> cache = new InstanceCache<>("test", 10, CacheTrust.ALWAYS);
		cache.get("a", () -> {
			// The change commits (and is announced) after the load read the old row.
			cache.invalidate(ACME);
			return Optional.of("old");
		}, (v) -> ACME);
		assertThat(cache.get("a", () -> load("new"), (v) -> ACME)).contains("new");
	}

	@Test
	void absentValuesAreNeverKept() {
		InstanceCache<String, String> cache = new InstanceCache<>("test", 10, CacheTrust.ALWAYS);
		assertThat(cache.get("a", Optional::empty, (v) -> ACME)).isEmpty();
		assertThat(cache.get("a", () -> load("A"), (v) -> ACME)).contains("A");
	}

	@Test
	void itStaysWithinItsBound() {
		InstanceCache<Integer, String> cache = new InstanceCache<>("test", 100, CacheTrust.ALWAYS);
		for (int i = 0; i < 1_000; i++) {
			int key = i;
			cache.get(key, () -> Optional.of("v" + key), (v) -> ACME);
		}
		assertThat(cache.size()).isLessThanOrEqualTo(100);
	}

	@Test
	void aDisabledCacheKeepsNothing() {
		InstanceCache<String, String> cache = InstanceCache.disabled("off");
		cache.get("a", () -> load("A"), (v) -> ACME);
		cache.get("a", () -> load("A"), (v) -> ACME);
		assertThat(this.loads).hasValue(2);
	}

}
