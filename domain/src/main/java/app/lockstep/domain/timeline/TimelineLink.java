package app.lockstep.domain.timeline;

/**
 * Where an entry leads: the web layer turns each into an address.
 */
public sealed interface TimelineLink {

	/** The first config revision (no earlier one to compare with). */
	record ConfigRevision(int number) implements TimelineLink {
	}

	/** The diff between two config revisions of the environment. */
	record ConfigDiff(int from, int to) implements TimelineLink {
	}

	/** A deployment of the environment. */
	record Deployment(String id) implements TimelineLink {
	}

	/** A commit at the forge (the address the push gave). */
	record Commit(String url) implements TimelineLink {
	}

}
