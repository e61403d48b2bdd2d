package app.lockstep.domain.config;

import java.util.UUID;
import java.util.function.Supplier;

import app.lockstep.domain.shared.LeastRecentlyUsed;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * The release board's drift headlines already worked out, by the revisions they compare:
 * the project's shared one and each environment's. Revisions never change once saved, so
 * the same three always give the same headline; a new revision is a new key. The least
 * recently used are forgotten first. Without it every board view and poll merged and
 * compared 75 pairs of configs again (a tenth of its time on the benchmark data).
 */
final class DriftHeadlines {

	private record Key(OrgId org, @Nullable UUID shared, @Nullable UUID left, @Nullable UUID right) {
	}

	private final LeastRecentlyUsed<Key, String> headlines;

	DriftHeadlines(int capacity) {
		this.headlines = new LeastRecentlyUsed<>(capacity);
	}

	/**
	 * The headline between the environments' revisions {@code left} and {@code right}
	 * under the project's {@code shared} one, worked out once.
	 */
	String between(OrgId org, @Nullable ConfigRevision shared, @Nullable ConfigRevision left,
			@Nullable ConfigRevision right, Supplier<String> work) {
		Key key = new Key(org, idOf(shared), idOf(left), idOf(right));
		String known = this.headlines.get(key);
		if (known != null) {
			return known;
		}
		String headline = work.get();
		this.headlines.put(key, headline);
		return headline;
	}

	int size() {
		return this.headlines.size();
	}

	private static @Nullable UUID idOf(@Nullable ConfigRevision revision) {
		return (revision != null) ? revision.id() : null;
	}

}
