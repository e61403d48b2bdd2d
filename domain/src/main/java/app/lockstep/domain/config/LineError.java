package app.lockstep.domain.config;

/**
 * A problem in a text the user typed, at a 1-based line and column; line (and column) 0
 * when the problem is not tied to a line.
 */
public record LineError(int line, int column, String message) {

	public static LineError general(String message) {
		return new LineError(0, 0, message);
	}

}
