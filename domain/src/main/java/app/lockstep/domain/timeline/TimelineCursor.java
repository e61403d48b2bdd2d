package app.lockstep.domain.timeline;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where the next page of a timeline starts (keyset). {@code before} is the time of the
 * last entry shown: nothing newer is shown again. The tiebreak is where each source
 * stopped: the sequence number of the last audit event of the environment shown
 * ({@code auditSeq}), of the last organization-wide freeze event ({@code freezeSeq}) and
 * the sha of the last commit ({@code codeSha}); a source without one starts from its
 * newest entry (none of it was shown yet). {@link #FIRST} is the first page.
 */
public record TimelineCursor(@Nullable Instant before, @Nullable Long auditSeq, @Nullable Long freezeSeq,
		@Nullable String codeSha) {

	public static final TimelineCursor FIRST = new TimelineCursor(null, null, null, null);

	public boolean isFirst() {
		return this.before == null && this.auditSeq == null && this.freezeSeq == null && this.codeSha == null;
	}

}
