package app.lockstep.domain.config.spec;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.error.Mark;

/**
 * A YAML text as lines (line breaks normalised to \n), with the conversions between
 * SnakeYAML's marks (lines and columns in code points) and positions in the text.
 */
final class YamlLines {

	private final List<String> lines;

	YamlLines(String text) {
		String unix = text.replace("\r\n", "\n").replace('\r', '\n');
		this.lines = new ArrayList<>(List.of(unix.split("\n", -1)));
	}

	YamlLines(List<String> lines) {
		this.lines = new ArrayList<>(lines);
	}

	int size() {
		return this.lines.size();
	}

	String line(int index) {
		return this.lines.get(index);
	}

	List<String> lines(int from, int toInclusive) {
		return new ArrayList<>(this.lines.subList(from, toInclusive + 1));
	}

	void replace(int from, int toInclusive, List<String> replacement) {
		for (int i = toInclusive; i >= from; i--) {
			this.lines.remove(i);
		}
		this.lines.addAll(from, replacement);
	}

	void insert(int at, List<String> inserted) {
		this.lines.addAll(at, inserted);
	}

	void set(int index, String line) {
		this.lines.set(index, line);
	}

	/** The char offset in its line of a mark's column (which counts code points). */
	int charColumn(Mark mark) {
		String line = this.lines.get(mark.getLine());
		int column = Math.min(mark.getColumn(), line.codePointCount(0, line.length()));
		return line.offsetByCodePoints(0, column);
	}

	boolean blank(int index) {
		return this.lines.get(index).isBlank();
	}

	boolean comment(int index) {
		return this.lines.get(index).stripLeading().startsWith("#");
	}

	static int indentation(String line) {
		int i = 0;
		while (i < line.length() && line.charAt(i) == ' ') {
			i++;
		}
		return i;
	}

	/** Shifts every non-blank line right (or left) by a number of spaces. */
	static List<String> shifted(List<String> block, int by) {
		List<String> shifted = new ArrayList<>();
		for (String line : block) {
			if (line.isBlank()) {
				shifted.add("");
			}
			else if (by >= 0) {
				shifted.add(" ".repeat(by) + line);
			}
			else {
				int remove = Math.min(-by, indentation(line));
				shifted.add(line.substring(remove));
			}
		}
		return shifted;
	}

	String text() {
		return String.join("\n", this.lines);
	}

}
