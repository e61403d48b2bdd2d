package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A line diff between two texts. Texts are split on "\n" keeping everything: a text that
 * ends with "\n" has a last, empty line, and the empty text has no lines, so that
 * {@code apply(before, between(before, after))} gives back {@code after} exactly.
 */
public final class LineDiff {

	private LineDiff() {
	}

	public static List<DiffLine> between(String before, String after) {
		List<String> oldLines = lines(before);
		List<String> newLines = lines(after);
		Map<String, Integer> ids = new HashMap<>();
		List<ChangeKind> script = MyersDiff.script(ids(oldLines, ids), ids(newLines, ids));
		List<DiffLine> diff = new ArrayList<>(script.size());
		int oldLine = 0;
		int newLine = 0;
		for (ChangeKind kind : script) {
			if (kind == ChangeKind.SAME) {
				oldLine++;
				newLine++;
				diff.add(new DiffLine(kind, oldLine, newLine, oldLines.get(oldLine - 1)));
			}
			else if (kind == ChangeKind.REMOVED) {
				oldLine++;
				diff.add(new DiffLine(kind, oldLine, 0, oldLines.get(oldLine - 1)));
			}
			else {
				newLine++;
				diff.add(new DiffLine(kind, 0, newLine, newLines.get(newLine - 1)));
			}
		}
		return removalsFirst(diff);
	}

	/**
	 * Applies a diff made by {@link #between} to the text it was made from.
	 * @throws IllegalArgumentException when the diff was made from another text
	 */
	public static String apply(String before, List<DiffLine> diff) {
		List<String> oldLines = lines(before);
		List<String> result = new ArrayList<>();
		int oldIndex = 0;
		for (DiffLine line : diff) {
			if (line.kind() == ChangeKind.ADDED) {
				result.add(line.text());
				continue;
			}
			if (oldIndex >= oldLines.size() || !oldLines.get(oldIndex).equals(line.text())) {
				throw new IllegalArgumentException("The diff does not fit the text at line " + (oldIndex + 1));
			}
			oldIndex++;
			if (line.kind() == ChangeKind.SAME) {
				result.add(line.text());
			}
		}
		if (oldIndex != oldLines.size()) {
			throw new IllegalArgumentException("The diff ends before the text does, at line " + (oldIndex + 1));
		}
		return String.join("\n", result);
	}

	static List<String> lines(String text) {
		return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
	}

	private static int[] ids(List<String> lines, Map<String, Integer> ids) {
		return lines.stream().mapToInt((line) -> ids.computeIfAbsent(line, (key) -> ids.size())).toArray();
	}

	/** Within each run of changed lines, shows what went before what came. */
	private static List<DiffLine> removalsFirst(List<DiffLine> diff) {
		List<DiffLine> ordered = new ArrayList<>(diff.size());
		List<DiffLine> added = new ArrayList<>();
		for (DiffLine line : diff) {
			switch (line.kind()) {
				case ADDED -> added.add(line);
				case REMOVED -> ordered.add(line);
				default -> {
					ordered.addAll(added);
					added.clear();
					ordered.add(line);
				}
			}
		}
		ordered.addAll(added);
		return ordered;
	}

}
