package app.lockstep.domain.config.spec;

/**
 * A problem in a text the user typed, at a 1-based line and column; line (and column) 0
 * when the problem is not tied to a line.
 */
public record LineError(int line, int column, String message) {

	public static LineError general(String message) {
		return new LineError(0, 0, message);
	}

	/** "Line 3: message", or the message alone when it has no line. */
	public String located() {
		return (this.line > 0) ? "Line " + this.line + ": " + this.message : this.message;
	}

}
