package app.lockstep.domain.config;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static app.lockstep.domain.config.ChangeKind.ADDED;
import static app.lockstep.domain.config.ChangeKind.REMOVED;
import static app.lockstep.domain.config.ChangeKind.SAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class LineDiffTest {

	@Property(tries = 2000)
	void applyingTheDiffGivesBackTheNewTextExactly(@ForAll("texts") String before, @ForAll("texts") String after) {
		assertThat(LineDiff.apply(before, LineDiff.between(before, after))).isEqualTo(after);
	}

	@Property
	void aTextComparedWithItselfHasOnlyUnchangedLines(@ForAll("texts") String text) {
		assertThat(LineDiff.between(text, text)).allMatch((line) -> line.kind() == SAME)
			.hasSize(LineDiff.lines(text).size());
	}

	@Property(tries = 1000)
	void theDiffIsAShortestOne(@ForAll("texts") String before, @ForAll("texts") String after) {
		List<String> a = LineDiff.lines(before);
		List<String> b = LineDiff.lines(after);
		long changed = LineDiff.between(before, after).stream().filter((line) -> line.kind() != SAME).count();
		assertThat(changed).isEqualTo(a.size() + b.size() - 2L * longestCommonSubsequence(a, b));
	}

	@Property
	void lineNumbersCountTheLinesOfEachSide(@ForAll("texts") String before, @ForAll("texts") String after) {
		List<DiffLine> diff = LineDiff.between(before, after);
		assertThat(diff.stream().filter((line) -> line.kind() != ADDED).map(DiffLine::oldLine))
			.containsExactlyElementsOf(IntStream.rangeClosed(1, LineDiff.lines(before).size()).boxed().toList());
		assertThat(diff.stream().filter((line) -> line.kind() != REMOVED).map(DiffLine::newLine))
			.containsExactlyElementsOf(IntStream.rangeClosed(1, LineDiff.lines(after).size()).boxed().toList());
		assertThat(diff.stream().filter((line) -> line.kind() == ADDED)).allMatch((line) -> line.oldLine() == 0);
		assertThat(diff.stream().filter((line) -> line.kind() == REMOVED)).allMatch((line) -> line.newLine() == 0);
	}

	@Provide
	Arbitrary<String> texts() {
		return Arbitraries.oneOf(Arbitraries.strings().withChars("ab\n").ofMaxLength(30),
				Arbitraries.strings().withChars("abc\n\n").ofMaxLength(300));
	}

	@Test
	void showsAChangedLineAsRemovedThenAdded() {
		assertThat(LineDiff.between("""
				applications:
				  drupal:
				    type: php:8.2
				""", """
				applications:
				  drupal:
				    type: php:8.3
				""")).containsExactly(new DiffLine(SAME, 1, 1, "applications:"), new DiffLine(SAME, 2, 2, "  drupal:"),
				new DiffLine(REMOVED, 3, 0, "    type: php:8.2"), new DiffLine(ADDED, 0, 3, "    type: php:8.3"),
				new DiffLine(SAME, 4, 4, ""));
	}

	@Test
	void aMissingFinalNewlineIsADifference() {
		assertThat(LineDiff.between("a\n", "a")).containsExactly(new DiffLine(SAME, 1, 1, "a"),
				new DiffLine(REMOVED, 2, 0, ""));
		assertThat(LineDiff.between("", "a")).containsExactly(new DiffLine(ADDED, 0, 1, "a"));
		assertThat(LineDiff.between("", "")).isEmpty();
		assertThat(LineDiff.apply("", LineDiff.between("", "\n"))).isEqualTo("\n");
	}

	@Test
	void aDiffMadeFromAnotherTextDoesNotApply() {
		List<DiffLine> diff = LineDiff.between("a\nb", "a\nc");
		assertThatThrownBy(() -> LineDiff.apply("a\nx", diff)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("The diff does not fit the text at line 2");
		assertThatThrownBy(() -> LineDiff.apply("a\nb\nc", diff))
			.hasMessage("The diff ends before the text does, at line 3");
	}

	@Test
	void thousandsOfLinesThatShareAlmostNothingAreQuick() {
		String before = numbered("old", 5000);
		String after = numbered("new", 5000);
		assertThatNoException().isThrownBy(() -> {
			long start = System.nanoTime();
			List<DiffLine> diff = LineDiff.between(before, after);
			assertThat(diff).hasSize(10_001).filteredOn((line) -> line.kind() == SAME).hasSize(1);
			assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
		});
	}

	@Test
	void aFewChangesInALongTextAreFoundExactly() {
		String before = numbered("line", 4000);
		String after = before.replace("line 1000\n", "line one thousand\n").replace("line 3999\n", "");
		List<DiffLine> diff = LineDiff.between(before, after);
		assertThat(diff.stream().filter((line) -> line.kind() != SAME)).containsExactly(
				new DiffLine(REMOVED, 1001, 0, "line 1000"), new DiffLine(ADDED, 0, 1001, "line one thousand"),
				new DiffLine(REMOVED, 4000, 0, "line 3999"));
		assertThat(LineDiff.apply(before, diff)).isEqualTo(after);
	}

	private static String numbered(String prefix, int count) {
		return IntStream.range(0, count).mapToObj((i) -> prefix + " " + i + "\n").collect(Collectors.joining());
	}

	private static int longestCommonSubsequence(List<String> a, List<String> b) {
		int[][] lengths = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				lengths[i][j] = a.get(i).equals(b.get(j)) ? lengths[i + 1][j + 1] + 1
						: Math.max(lengths[i + 1][j], lengths[i][j + 1]);
			}
		}
		return lengths[0][0];
	}

}
