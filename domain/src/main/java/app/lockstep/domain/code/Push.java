package app.lockstep.domain.code;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A push event as a forge sent it: the ref ({@code refs/heads/main}), who pushed, and the
 * commits (their branch is taken from the ref).
 */
public record Push(String ref, @Nullable String pusher, List<CommitInput> commits) {
}
