package app.lockstep.domain.code;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A push event as a forge sent it: the ref ({@code refs/heads/main} or
 * {@code refs/tags/v1.2}), the commit it points at afterwards ({@code after}; all zeros
 * when the push deleted it), who pushed, and the commits (their branch is taken from the
 * ref).
 */
public record Push(String ref, @Nullable String after, @Nullable String pusher, List<CommitInput> commits) {

	private static final java.util.regex.Pattern DELETED = java.util.regex.Pattern.compile("^0+$");

	/** Whether the push deleted the ref (its {@code after} is all zeros). */
	public boolean deletesRef() {
		return this.after != null && DELETED.matcher(this.after).matches();
	}
}
