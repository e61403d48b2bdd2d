package app.lockstep.persistence.config;

import java.util.UUID;

import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.shared.LeastRecentlyUsed;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * The config revisions this instance has read, by organization and id, the least recently
 * used forgotten first. A revision is never changed or deleted once written (the runtime
 * role may neither update nor delete revisions or their variables, V2), so what is kept
 * here needs no invalidation: every page that compares or shows revisions (the board's
 * drift, the approval queue's diffs, the change report, an environment's config) reads
 * which revisions it needs, and the variables of each only once per instance.
 * <p>
 * Kept by organization as well as id so that a lookup answers only what row-level
 * security would have let the same organization's transaction read.
 */
final class ReadRevisions {

	private record Key(OrgId org, UUID id) {
	}

	private final LeastRecentlyUsed<Key, ConfigRevision> revisions;

	ReadRevisions(int capacity) {
		this.revisions = new LeastRecentlyUsed<>(capacity);
	}

	@Nullable ConfigRevision get(OrgId org, UUID id) {
		return this.revisions.get(new Key(org, id));
	}

	void keep(OrgId org, ConfigRevision revision) {
		this.revisions.put(new Key(org, revision.id()), revision);
	}

	int size() {
		return this.revisions.size();
	}

}
