package app.lockstep.web.code.api;

import java.time.Instant;

import app.lockstep.domain.code.Artifact;

/** An artifact as the API shows it, with who registered it. */
record ArtifactJson(String id, String version, String commitSha, String digest, Instant createdAt, Creator createdBy) {

	record Creator(String type, String name) {
	}

	static ArtifactJson of(Artifact artifact) {
		return new ArtifactJson(artifact.id().toString(), artifact.version(), artifact.commitSha(), artifact.digest(),
				artifact.createdAt(), new Creator(artifact.createdBy().type().name().toLowerCase(java.util.Locale.ROOT),
						artifact.createdBy().name()));
	}

}
