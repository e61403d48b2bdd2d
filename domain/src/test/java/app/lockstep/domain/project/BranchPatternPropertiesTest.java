package app.lockstep.domain.project;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The branch glob matcher against a reference (the glob translated to a
 * {@link java.util.regex.Pattern}, as Lockstep matched branches before), on random
 * patterns and branches over a small alphabet so that matches are frequent; and its time
 * on the patterns that make a backtracking regex take seconds or years.
 */
class BranchPatternPropertiesTest {

	@Property(tries = 3000)
	void agreesWithTheRegexReference(@ForAll("patterns") String pattern, @ForAll("branches") String branch) {
		assertThat(BranchPattern.of(pattern).matches(branch)).as("%s against %s", pattern, branch)
			.isEqualTo(Reference.matches(pattern, branch));
	}

	@Property(tries = 500)
	void aBranchMatchesThePatternItWasMadeFrom(@ForAll("branches") String branch) {
		// Every literal pattern matches itself, and stars put in its place still match.
		assertThat(BranchPattern.of(branch).matches(branch)).isTrue();
		assertThat(BranchPattern.of("**").matches(branch)).isTrue();
		assertThat(BranchPattern.of(branch.replace('a', '?')).matches(branch)).isTrue();
	}

	@Test
	void manyStarsAgainstALongBranchThatAlmostMatchesTakeLinearSteps() {
		// The regex this replaced backtracked: 30 s for the first of these.
		assertLinear("*a*a*a*a*a*b", "a".repeat(100), false);
		assertLinear("**a**a**a**a**a**a**a**a**b", "a".repeat(100), false);
		assertLinear("*a".repeat(100) + "*b", "a".repeat(1000), false);
		assertLinear("*a".repeat(100), "a".repeat(1000), true);
	}

	@Test
	void theLongestPatternAgainstALongBranchTakesLinearSteps() {
		// 200 characters is the longest pattern an environment accepts.
		assertLinear("*a*/**".repeat(33) + "b", ("a".repeat(30) + "/").repeat(8), false);
	}

	@Property(tries = 300)
	void everyMatchTakesAtMostBranchTimesPatternSteps(@ForAll("patterns") String pattern,
			@ForAll("branches") String branch) {
		assertThat(BranchPattern.of(pattern).steps(branch))
			.isLessThanOrEqualTo((long) branch.length() * (pattern.length() + 1));
	}

	/** Matching counts its steps instead of timing them: no clock in the test. */
	private static void assertLinear(String glob, String branch, boolean matches) {
		BranchPattern pattern = BranchPattern.of(glob);
		assertThat(pattern.matches(branch)).as("%s against %s", glob, branch).isEqualTo(matches);
		assertThat(pattern.steps(branch)).isLessThanOrEqualTo((long) branch.length() * (glob.length() + 1));
	}

	@Provide
	Arbitrary<String> patterns() {
		return Arbitraries.strings().withChars('a', 'b', '/', '*', '?', '.').ofMinLength(1).ofMaxLength(9);
	}

	@Provide
	Arbitrary<String> branches() {
		return Arbitraries.strings().withChars('a', 'b', '/', '.').ofMinLength(0).ofMaxLength(10);
	}

	/**
	 * The glob as a regex: {@code **} is {@code .*}, {@code *} is {@code [^/]*},
	 * {@code ?} is {@code [^/]}, everything else is quoted.
	 */
	static final class Reference {

		static boolean matches(String glob, String branch) {
			String pattern = glob.strip();
			if (pattern.isEmpty()) {
				return true;
			}
			StringBuilder regex = new StringBuilder();
			for (int i = 0; i < pattern.length(); i++) {
				char c = pattern.charAt(i);
				if (c == '?') {
					regex.append("[^/]");
				}
				else if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
					regex.append(".*");
					i++;
				}
				else if (c == '*') {
					regex.append("[^/]*");
				}
				else {
					regex.append(Pattern.quote(String.valueOf(c)));
				}
			}
			return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(branch).matches();
		}

	}

}
