package app.lockstep.domain.deploy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.code.Artifacts;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UseCase;

/**
 * The artifacts deployments name, by id. Artifacts never change, so what was read once
 * (in this organization) is remembered, for every use case that asks: the scheduler asks
 * for the same few many times, and every audit event of a deployment names its version.
 * Reads run in the caller's transaction.
 */
@UseCase
public final class KnownArtifacts {

	private static final int KNOWN_ARTIFACTS = 10_000;

	private final Artifacts artifacts;

	private final Map<ArtifactKey, Artifact> known = new ConcurrentHashMap<>();

	private record ArtifactKey(OrgId org, ArtifactId id) {
	}

	public KnownArtifacts(Artifacts artifacts) {
		this.artifacts = artifacts;
	}

	/** The artifact's version, or its id when it is gone. */
	String version(OrgId org, ArtifactId id) {
		return artifact(org, id).map(Artifact::version).orElse(id.toString());
	}

	/** The artifact by id, read once. */
	Optional<Artifact> artifact(OrgId org, ArtifactId id) {
		ArtifactKey key = new ArtifactKey(org, id);
		Artifact artifact = this.known.get(key);
		if (artifact != null) {
			return Optional.of(artifact);
		}
		Optional<Artifact> found = this.artifacts.byId(org, id);
		found.ifPresent((read) -> {
			if (this.known.size() >= KNOWN_ARTIFACTS) {
				this.known.clear();
			}
			this.known.put(key, read);
		});
		return found;
	}

}
