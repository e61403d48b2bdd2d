package app.lockstep.domain.code;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * The code changes of projects. Every method runs inside a unit of work bound to the
 * organization ({@link app.lockstep.domain.shared.Transactions#inTenant}).
 */
public interface CodeChanges {

	/** The most commits {@link #commitsBetween} returns. */
	int MAX_BETWEEN = 1000;

	/**
	 * Stores the commits not stored yet for this project (idempotent per sha), in the
	 * order given; returns the shas it stored, in that order.
	 */
	List<String> addAll(OrgId org, ProjectId project, List<Commit> commits, CodeSource source, Instant receivedAt);

	Optional<CodeChange> find(OrgId org, ProjectId project, String sha);

	/**
	 * Records that a push moved the tag to this commit; whether it is new (the same tag
	 * at the same commit again changes nothing).
	 */
	boolean addTag(OrgId org, ProjectId project, String tag, String sha, Instant pushedAt);

	/** The tags pushed at this commit, newest first. */
	List<String> tagsAt(OrgId org, ProjectId project, String sha);

	/**
	 * Newest received first (keyset): the changes received before the one with
	 * {@code beforeSha} (all when null), on one branch when given.
	 */
	List<CodeChange> page(OrgId org, ProjectId project, @Nullable String branch, @Nullable String beforeSha, int limit);

	/**
	 * The commits a deployment of {@code toSha} brings over one of {@code fromSha}: the
	 * ingested commits on the same branch as {@code toSha} (the branch it was first
	 * received on), committed after {@code fromSha}'s commit time and up to and including
	 * {@code toSha}'s, newest first (commit time, then order of receipt), at most
	 * {@link #MAX_BETWEEN}.
	 * <p>
	 * Good enough without a git graph: it reads commit times, not ancestry. Empty when
	 * {@code toSha} is unknown or when {@code fromSha} is newer than {@code toSha} (a
	 * rollback); everything up to {@code toSha} when {@code fromSha} is null or unknown
	 * (a first deployment). Shas are matched in lowercase.
	 */
	List<CodeChange> commitsBetween(OrgId org, ProjectId project, @Nullable String fromSha, String toSha);

	/** One {@link #commitsBetween} question of many asked at once. */
	record Range(ProjectId project, @Nullable String fromSha, String toSha) {
	}

	/**
	 * {@link #commitsBetween} for each range, in the order given: what a report of many
	 * deployments reads in one round trip instead of one per deployment.
	 */
	default List<List<CodeChange>> commitsBetween(OrgId org, List<Range> ranges) {
		List<List<CodeChange>> answers = new java.util.ArrayList<>();
		for (Range range : ranges) {
			answers.add(commitsBetween(org, range.project(), range.fromSha(), range.toSha()));
		}
		return answers;
	}

}
