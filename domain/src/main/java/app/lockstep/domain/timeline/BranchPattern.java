package app.lockstep.domain.timeline;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An environment's branch pattern, as git hosts read them: no pattern matches every
 * branch; {@code *} matches any characters except {@code /}, {@code **} any characters
 * including {@code /}, {@code ?} one character except {@code /}; everything else matches
 * itself ({@code release/*} matches {@code release/1.4} but not {@code release/1.4/fix}
 * nor {@code main}).
 */
public final class BranchPattern {

	private final @Nullable String pattern;

	private final @Nullable Pattern regex;

	private BranchPattern(@Nullable String pattern) {
		this.pattern = (pattern == null || pattern.isBlank()) ? null : pattern.strip();
		this.regex = (this.pattern != null && isGlob(this.pattern)) ? compile(this.pattern) : null;
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
		return (this.pattern != null && this.regex == null) ? this.pattern : null;
	}

	public boolean matches(String branch) {
		if (this.pattern == null) {
			return true;
		}
		if (this.regex == null) {
			return this.pattern.equals(branch);
		}
		return this.regex.matcher(branch).matches();
	}

	private static boolean isGlob(String pattern) {
		return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
	}

	private static Pattern compile(String glob) {
		StringBuilder regex = new StringBuilder();
		StringBuilder literal = new StringBuilder();
		for (int i = 0; i < glob.length(); i++) {
			char c = glob.charAt(i);
			if (c == '*' || c == '?') {
				if (!literal.isEmpty()) {
					regex.append(Pattern.quote(literal.toString()));
					literal.setLength(0);
				}
				if (c == '?') {
					regex.append("[^/]");
				}
				else if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
					regex.append(".*");
					i++;
				}
				else {
					regex.append("[^/]*");
				}
			}
			else {
				literal.append(c);
			}
		}
		if (!literal.isEmpty()) {
			regex.append(Pattern.quote(literal.toString()));
		}
		return Pattern.compile(regex.toString());
	}

}
