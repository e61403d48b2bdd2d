package app.lockstep.domain.project;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A branch (or tag) pattern, as git hosts read them: no pattern matches every branch;
 * {@code *} matches any characters except {@code /}, {@code **} any characters including
 * {@code /}, {@code ?} one character except {@code /}; everything else matches itself
 * ({@code release/*} matches {@code release/1.4} but not {@code release/1.4/fix} nor
 * {@code main}).
 * <p>
 * Patterns are typed by members, so matching must not backtrack: the pattern is read as a
 * small automaton whose states are the positions in the pattern, and a branch is matched
 * by following every state it could be in at once, one character at a time. That takes at
 * most (branch length) × (pattern length) steps, whatever the pattern: a branch of 100
 * characters against {@code *a*a*a*a*a*b} takes microseconds, where a backtracking
 * regular expression took 30 seconds.
 */
public final class BranchPattern {

	/**
	 * Pattern elements: a literal character is its own (non-negative) value; the
	 * wildcards are negative.
	 */
	private static final int ONE = -1;

	private static final int STAR = -2;

	private static final int GLOBSTAR = -3;

	private final @Nullable String pattern;

	/** The pattern's elements (literals, ONE, STAR, GLOBSTAR); null when no wildcard. */
	private final int @Nullable [] elements;

	private BranchPattern(@Nullable String pattern) {
		this.pattern = (pattern == null || pattern.isBlank()) ? null : pattern.strip();
		this.elements = (this.pattern != null && isGlob(this.pattern)) ? parse(this.pattern) : null;
	}

	public static BranchPattern of(@Nullable String pattern) {
		return new BranchPattern(pattern);
	}

	/** Every branch matches. */
	public boolean any() {
		return this.pattern == null;
	}

	/** The one branch this pattern names, when it has no wildcard. */
	public @Nullable String exactBranch() {
		return (this.pattern != null && this.elements == null) ? this.pattern : null;
	}

	public boolean matches(String branch) {
		if (this.pattern == null) {
			return true;
		}
		if (this.elements == null) {
			return this.pattern.equals(branch);
		}
		return matches(this.elements, branch);
	}

	private static boolean isGlob(String pattern) {
		return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
	}

	/**
	 * The elements of a glob, read left to right: {@code **} is one element, a {@code *}
	 * after it another ({@code ***} is {@code **} then {@code *}).
	 */
	private static int[] parse(String glob) {
		int[] elements = new int[glob.length()];
		int count = 0;
		for (int i = 0; i < glob.length(); i++) {
			char c = glob.charAt(i);
			if (c == '?') {
				elements[count++] = ONE;
			}
			else if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
				elements[count++] = GLOBSTAR;
				i++;
			}
			else if (c == '*') {
				elements[count++] = STAR;
			}
			else {
				elements[count++] = c;
			}
		}
		return Arrays.copyOf(elements, count);
	}

	/**
	 * State {@code i} means "the elements before {@code i} matched what was read so far";
	 * state {@code elements.length} accepts. Stars may match nothing, so a state before a
	 * star also stands for the state after it.
	 */
	private static boolean matches(int[] elements, String branch) {
		return matches(elements, branch, new long[1]);
	}

	/**
	 * The states visited to match a branch: at most (branch length) × (pattern length +
	 * 1), whatever the pattern. For tests, which hold the bound rather than time it.
	 */
	long steps(String branch) {
		long[] steps = new long[1];
		int[] glob = this.elements;
		if (glob != null) {
			matches(glob, branch, steps);
		}
		return steps[0];
	}

	private static boolean matches(int[] elements, String branch, long[] steps) {
		int states = elements.length + 1;
		boolean[] current = new boolean[states];
		boolean[] next = new boolean[states];
		current[0] = true;
		closeOverEmptyStars(elements, current);
		for (int position = 0; position < branch.length(); position++) {
			char c = branch.charAt(position);
			Arrays.fill(next, false);
			boolean any = false;
			for (int state = 0; state < elements.length; state++) {
				steps[0]++;
				if (!current[state]) {
					continue;
				}
				int element = elements[state];
				if (element == GLOBSTAR || (element == STAR && c != '/')) {
					next[state] = true;
					any = true;
				}
				else if ((element == ONE && c != '/') || element == c) {
					next[state + 1] = true;
					any = true;
				}
			}
			if (!any) {
				return false;
			}
			closeOverEmptyStars(elements, next);
			boolean[] swap = current;
			current = next;
			next = swap;
		}
		return current[elements.length];
	}

	private static void closeOverEmptyStars(int[] elements, boolean[] states) {
		for (int state = 0; state < elements.length; state++) {
			if (states[state] && (elements[state] == STAR || elements[state] == GLOBSTAR)) {
				states[state + 1] = true;
			}
		}
	}

}
