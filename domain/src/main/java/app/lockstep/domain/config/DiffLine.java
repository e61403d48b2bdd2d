package app.lockstep.domain.config;

/**
 * One line of a line diff: kept (SAME), only in the new text (ADDED, oldLine 0) or only
 * in the old text (REMOVED, newLine 0). Line numbers are 1-based.
 */
public record DiffLine(ChangeKind kind, int oldLine, int newLine, String text) {

	public DiffLine {
		if (kind == ChangeKind.CHANGED) {
			throw new IllegalArgumentException("A diff line is kept, added or removed, never changed");
		}
	}

}
