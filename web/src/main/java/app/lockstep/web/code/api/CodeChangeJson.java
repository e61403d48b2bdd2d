package app.lockstep.web.code.api;

import java.time.Instant;

import app.lockstep.domain.code.CodeChange;
import org.jspecify.annotations.Nullable;

/** A code change as the API shows it. */
record CodeChangeJson(String sha, String branch, @Nullable String author, @Nullable String message, Instant timestamp,
		@Nullable String url, Instant receivedAt, String source) {

	static CodeChangeJson of(CodeChange change) {
		return new CodeChangeJson(change.sha(), change.branch(), change.author(), change.message(),
				change.committedAt(), change.url(), change.receivedAt(), change.source().value());
	}

}
