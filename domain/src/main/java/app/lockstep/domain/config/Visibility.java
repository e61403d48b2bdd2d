package app.lockstep.domain.config;

import java.util.Locale;

/** When a variable is available: while building, while running, or both. */
public enum Visibility {

	BUILD, RUNTIME, BOTH;

	/** As shown to people: "build", "runtime" or "both". */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
