package app.lockstep.domain.shared;

/**
 * Makes the {@link InstanceCache}s of the use cases and wires each to the kinds of change
 * that invalidate it ({@link #TOKENS}, {@link #MEMBERSHIPS}, {@link #CONFIGS},
 * {@link #APPROVALS}), as the database announces them.
 */
public interface InstanceCaches {

	/** An API token was revoked, changed or deleted. */
	String TOKENS = "token";

	/**
	 * A membership was added, changed or removed, or an organization renamed or deleted.
	 */
	String MEMBERSHIPS = "member";

	/**
	 * A config revision was saved, or a project or environment added, renamed or deleted.
	 */
	String CONFIGS = "config";

	/**
	 * A deployment request was made or changed status, a decision was recorded, or an
	 * approval gate changed.
	 */
	String APPROVALS = "approvals";

	/** No caching at all: every cache reads through. */
	InstanceCaches NONE = new InstanceCaches() {
		@Override
		public <K, V> InstanceCache<K, V> create(String name, int maxEntries, String kind) {
			return InstanceCache.disabled(name);
		}
	};

	<K, V> InstanceCache<K, V> create(String name, int maxEntries, String kind);

}
