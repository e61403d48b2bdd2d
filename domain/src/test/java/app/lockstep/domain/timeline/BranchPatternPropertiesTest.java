package app.lockstep.domain.timeline;

import java.time.Duration;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
	void manyStarsAgainstALongBranchThatAlmostMatchesAreFast() {
		String branch = "a".repeat(100);
		String worst = "*a*a*a*a*a*b";
		assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
			assertThat(BranchPattern.of(worst).matches(branch)).isFalse();
			assertThat(BranchPattern.of("**a**a**a**a**a**a**a**a**b").matches(branch)).isFalse();
			assertThat(BranchPattern.of("*a".repeat(100) + "*b").matches("a".repeat(1000))).isFalse();
			assertThat(BranchPattern.of("*a".repeat(100)).matches("a".repeat(1000))).isTrue();
		});
	}

	@Test
	void theLongestPatternAgainstALongBranchIsMatchedThousandsOfTimesASecond() {
		// 200 characters is the longest pattern an environment accepts; a timeline page
		// matches up to 2,000 commits.
		BranchPattern pattern = BranchPattern.of("*a*/**".repeat(33) + "b");
		String branch = ("a".repeat(30) + "/").repeat(8);
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
			for (int i = 0; i < 2000; i++) {
				assertThat(pattern.matches(branch)).isFalse();
			}
		});
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
