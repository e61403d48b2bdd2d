package app.lockstep.domain.code;

import java.time.Instant;

import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.Actor;

/**
 * A build registered by CI: a version of the project that names exactly one commit and
 * one image or package digest, for good. Built once, promoted everywhere.
 */
public record Artifact(ArtifactId id, ProjectId project, String version, String commitSha, String digest,
		Instant createdAt, Actor createdBy) {

	/** Whether this is the same build: same version, commit and digest. */
	public boolean sameBuildAs(String commitSha, String digest) {
		return this.commitSha.equals(commitSha) && this.digest.equals(digest);
	}

}
