package app.lockstep.domain.audit;

/** The outcome of walking a chain: intact up to its head, or broken at one event. */
public sealed interface ChainVerification {

	boolean verified();

	/** Every event from the first to the head links and matches its hash. */
	record Verified(long events, long headSeq, String headHash) implements ChainVerification {

		@Override
		public boolean verified() {
			return true;
		}

	}

	/**
	 * The first event that is missing, altered, out of place or contradicts a signed
	 * checkpoint.
	 */
	record Broken(long firstBrokenSeq, String reason) implements ChainVerification {

		@Override
		public boolean verified() {
			return false;
		}

	}

}
