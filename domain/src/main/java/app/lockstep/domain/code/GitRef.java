package app.lockstep.domain.code;

import org.jspecify.annotations.Nullable;

/**
 * A branch or a tag, as a push names it ({@code refs/heads/main},
 * {@code refs/tags/v1.2}).
 */
public record GitRef(Kind kind, String name) {

	public enum Kind {

		BRANCH, TAG

	}

	public static GitRef branch(String name) {
		return new GitRef(Kind.BRANCH, name);
	}

	public static GitRef tag(String name) {
		return new GitRef(Kind.TAG, name);
	}

	/** The branch or tag a full ref names; null for other refs (notes, pull heads). */
	public static @Nullable GitRef parse(String ref) {
		String branch = Commit.branchOf(ref);
		if (branch != null) {
			return branch(branch);
		}
		String stripped = ref.strip();
		if (stripped.startsWith("refs/tags/") && stripped.length() > "refs/tags/".length()) {
			return tag(stripped.substring("refs/tags/".length()));
		}
		return null;
	}

	/** As people say it: "branch main", "tag v1.2". */
	@Override
	public String toString() {
		return ((this.kind == Kind.BRANCH) ? "branch " : "tag ") + this.name;
	}

}
