package app.lockstep.domain.code;

import java.util.List;
import java.util.Optional;

import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * The artifacts of projects. Every method runs inside a unit of work bound to the
 * organization ({@link app.lockstep.domain.shared.Transactions#inTenant}).
 */
public interface Artifacts {

	/**
	 * Inserts the artifact unless its project already has that version; whether it
	 * inserted.
	 */
	boolean addIfAbsent(OrgId org, Artifact artifact);

	/** The artifact of this project with exactly this version. */
	Optional<Artifact> artifact(OrgId org, ProjectId project, String version);

	/** The artifacts built from this commit, oldest first. */
	List<Artifact> builtFrom(OrgId org, ProjectId project, String commitSha);

	/** The artifact with this id. */
	Optional<Artifact> byId(OrgId org, ArtifactId id);

	/** The artifacts of these ids that exist, by id: one read for many. */
	default java.util.Map<ArtifactId, Artifact> byIds(OrgId org, java.util.Collection<ArtifactId> ids) {
		java.util.Map<ArtifactId, Artifact> found = new java.util.HashMap<>();
		for (ArtifactId id : ids) {
			byId(org, id).ifPresent((artifact) -> found.put(id, artifact));
		}
		return found;
	}

	/**
	 * Newest first (keyset): the artifacts registered before the one with
	 * {@code beforeVersion} (all when null).
	 */
	List<Artifact> page(OrgId org, ProjectId project, @Nullable String beforeVersion, int limit);

}
