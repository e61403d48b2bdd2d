package app.lockstep.domain.code;

import org.jspecify.annotations.Nullable;

/**
 * A commit as a client or a forge sent it, before validation: the sha (40 or 64 hex
 * digits), the branch ({@code main} or {@code refs/heads/main}), author, message, the
 * commit time as ISO-8601 with an offset ({@code 2026-03-02T10:15:00+01:00}) and a link.
 */
public record CommitInput(@Nullable String sha, @Nullable String branch, @Nullable String author,
		@Nullable String message, @Nullable String timestamp, @Nullable String url) {
}
