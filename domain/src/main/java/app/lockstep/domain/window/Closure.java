package app.lockstep.domain.window;

/** Why an instant is closed: the kind of rule and the words that name it. */
public record Closure(Kind kind, String label) {

	/**
	 * Organization-wide freezes are named with this suffix, so nobody looks for them on
	 * the environment.
	 */
	public static final String ORGANIZATION_WIDE = " (organization-wide)";

	public static final String OUTSIDE_ALLOWED_HOURS = "Outside allowed hours";

	public enum Kind {

		/** One of the environment's own freezes. */
		FREEZE,
		/** A freeze of the whole organization (production environments only). */
		ORGANIZATION_FREEZE,
		/** A recurring block such as "No Friday deploys". */
		BLOCK,
		/** The environment has allowed hours and this is not one of them. */
		OUTSIDE_ALLOWED_HOURS

	}

}
