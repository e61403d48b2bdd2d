package app.lockstep.web.config;

import java.util.List;

import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.config.spec.LineError;
import app.lockstep.web.shared.ZoneTimes;
import org.jspecify.annotations.Nullable;

/**
 * The sentences of the config pages (editor, history, revision, diff, restore, import and
 * their header), built here so the templates only print them. Times are on the clock of
 * {@code times}.
 */
public record ConfigText(ZoneTimes times) {

	/** The crumb and tab of a config page other than the editor ({@code tab}). */
	public String tab(String tab) {
		return switch (tab) {
			case "history" -> "History";
			case "diff" -> "Diff";
			case "import" -> "Import";
			default -> "Revision";
		};
	}

	/** "· “message”", after the current revision in the header. */
	public String message(ConfigRevision revision) {
		return "· “" + revision.message() + "”";
	}

	public String quoted(@Nullable String message) {
		return "“" + message + "”";
	}

	/** "Line 4, column 2: unknown key" (no place when the error has no line). */
	public String lineError(LineError error) {
		return ((error.line() > 0) ? "Line " + error.line() + ", column " + error.column() + ": " : "")
				+ error.message();
	}

	public String warning(LineError warning) {
		return ((warning.line() > 0) ? "Line " + warning.line() + ": " : "") + warning.message();
	}

	/** "; deprecated 8.1, 8.0", after the supported versions of a runtime or service. */
	public String deprecated(List<String> versions) {
		return "; deprecated " + String.join(", ", versions);
	}

	/** Where and when a secret's value was set, for the editor. */
	public String secretSet(ConfigRevision revision) {
		return "Set by " + revision.author().name() + ", " + this.times.at(revision.at()) + " (revision "
				+ revision.number() + ")";
	}

	/**
	 * How a sensitive variable shows in the read-only list: set, and by whom when known.
	 */
	public String secretSetShort(@Nullable ConfigRevision revision) {
		return (revision != null) ? "set by " + revision.author().name() + ", " + this.times.date(revision.at())
				: "set";
	}

	public String visibility(Visibility visibility) {
		return switch (visibility.name()) {
			case "BOTH" -> "build and runtime";
			case "BUILD" -> "build only";
			default -> "runtime only";
		};
	}

	/** The revision a save will create. */
	public String base(int baseRevision) {
		return (baseRevision == 0) ? "creates revision 1" : "on top of revision " + baseRevision;
	}

	/**
	 * A read-only spec: "(empty)", or the text after a newline (a pre drops a leading
	 * one).
	 */
	public String spec(String infrastructure) {
		return infrastructure.isEmpty() ? "(empty)" : "\n" + infrastructure;
	}

	public String revision(ConfigRevision revision) {
		return "Revision " + revision.number();
	}

	/** "+1 ~0 -0 variables · by Dana · Sun 22 Nov 2026, 11:00 CET". */
	public String byline(ConfigRevision revision) {
		return revision.summary() + " · by " + revision.author().name() + " · " + this.times.at(revision.at());
	}

	public String whenColumn() {
		return "When (" + this.times.zone().getId() + ")";
	}

	/** The labels of a history row's diff pickers and restore link. */
	public String diffFrom(ConfigRevision revision) {
		return "Diff from revision " + revision.number();
	}

	public String diffTo(ConfigRevision revision) {
		return "Diff to revision " + revision.number();
	}

	public String restore(ConfigRevision revision) {
		return "Restore revision " + revision.number();
	}

	public String restoredFrom(ConfigRevision revision) {
		return "restored from " + revision.restoredFrom();
	}

	public String diff(ViewConfig.Diff diff) {
		return "Revision " + diff.from().number() + " → " + diff.to().number();
	}

	public String restoreTitle(ConfigRevision revision) {
		return "Restore revision " + revision.number() + "?";
	}

	public String nothingToRestore(ConfigRevision revision) {
		return "Revision " + revision.number() + " is what this config holds already: there is nothing to restore.";
	}

	/** Whether an imported spec can be saved as it is, and what is left to fix. */
	public String importVerdict(List<LineError> errors, List<LineError> warnings) {
		if (!errors.isEmpty()) {
			return errors.size() + " problem(s) to fix in the editor before it can be saved.";
		}
		return warnings.isEmpty() ? "It is valid: open it in the editor to save it as a revision."
				: "It is valid, with " + warnings.size() + " warning(s): open it in the editor to save it.";
	}

	public String restoreAs(int latest) {
		return "Restore as revision " + (latest + 1);
	}

}
