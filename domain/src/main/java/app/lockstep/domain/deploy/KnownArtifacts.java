package app.lockstep.domain.deploy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
 * for the same few many times, every audit event of a deployment names its version, and
 * the change report names a month's worth on every view. Reads run in the caller's
 * transaction.
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
		found.ifPresent((read) -> remember(org, read));
		return found;
	}

	/**
	 * The artifacts found among {@code ids}, those not read before in one query (a gone
	 * artifact is left out).
	 */
	Map<ArtifactId, Artifact> artifacts(OrgId org, Collection<ArtifactId> ids) {
		Map<ArtifactId, Artifact> found = new HashMap<>();
		List<ArtifactId> unread = ids.stream().distinct().filter((id) -> {
			Artifact artifact = this.known.get(new ArtifactKey(org, id));
			if (artifact != null) {
				found.put(id, artifact);
			}
			return artifact == null;
		}).toList();
		if (!unread.isEmpty()) {
			this.artifacts.byIds(org, unread).values().forEach((read) -> {
				remember(org, read);
				found.put(read.id(), read);
			});
		}
		return found;
	}

	private void remember(OrgId org, Artifact artifact) {
		if (this.known.size() >= KNOWN_ARTIFACTS) {
			this.known.clear();
		}
		this.known.put(new ArtifactKey(org, artifact.id()), artifact);
	}

}
