package app.lockstep.domain.shared;

/**
 * Whether an {@link InstanceCache} may answer from memory right now. Another instance may
 * change what a cache holds at any moment; an entry may be used only while this instance
 * is known to hear of every such change promptly (see the persistence layer's
 * invalidation listener). When it is not, every cache reads through to the database.
 */
@FunctionalInterface
public interface CacheTrust {

	/** For tests and tools that run one instance and change nothing behind its back. */
	CacheTrust ALWAYS = () -> true;

	/** Caching switched off: every read goes to the database. */
	CacheTrust NEVER = () -> false;

	boolean trusted();

}
