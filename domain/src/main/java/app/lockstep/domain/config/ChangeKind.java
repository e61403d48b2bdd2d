package app.lockstep.domain.config;

/** How one thing differs between two versions of it. */
public enum ChangeKind {

	SAME, ADDED, REMOVED, CHANGED

}
