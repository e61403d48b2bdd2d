package app.lockstep.domain.code;

/** What became of a webhook delivery. */
public enum DeliveryOutcome {

	/** A push whose commits were ingested (some may have been known already). */
	ACCEPTED("Accepted"),
	/**
	 * Authentic, but nothing to store: a ping, another event, a tag, a deleted branch.
	 */
	IGNORED("Ignored"),
	/** A missing or wrong signature or token: nothing was read or stored (401). */
	REJECTED("Rejected"),
	/** Authentic, but the payload could not be read: nothing was stored (400). */
	INVALID("Invalid");

	private final String label;

	DeliveryOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
