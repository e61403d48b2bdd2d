package app.lockstep.domain.timeline;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to an environment: its kind, when, a sentence, a few detail
 * lines, who did it and where it leads. {@code id} names it uniquely within the timeline
 * ({@code event-42} for the audit event with sequence number 42, {@code commit-<sha>} for
 * a commit).
 */
public record TimelineEntry(String id, TimelineKind kind, Instant at, String title, List<String> details,
		@Nullable String actorName, @Nullable TimelineLink link) {

	public TimelineEntry {
		details = List.copyOf(details);
	}

}
