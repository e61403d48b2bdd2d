package app.lockstep.domain.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.code.Artifacts;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/** Artifacts per organization, one per project and version (the unique key). */
public final class InMemoryArtifacts implements Artifacts {

	private final Map<OrgId, List<Artifact>> byOrg = new HashMap<>();

	/** How many times an artifact was read by id (to see what a cache saves). */
	private int readsById;

	public int readsById() {
		return this.readsById;
	}

	@Override
	public boolean addIfAbsent(OrgId org, Artifact artifact) {
		if (artifact(org, artifact.project(), artifact.version()).isPresent()) {
			return false;
		}
		this.byOrg.computeIfAbsent(org, (o) -> new ArrayList<>()).add(artifact);
		return true;
	}

	@Override
	public Optional<Artifact> artifact(OrgId org, ProjectId project, String version) {
		return this.byOrg.getOrDefault(org, List.of())
			.stream()
			.filter((a) -> a.project().equals(project) && a.version().equals(version))
			.findFirst();
	}

	@Override
	public List<Artifact> builtFrom(OrgId org, ProjectId project, String commitSha) {
		return this.byOrg.getOrDefault(org, List.of())
			.stream()
			.filter((a) -> a.project().equals(project) && a.commitSha().equals(commitSha))
			.toList();
	}

	@Override
	public Optional<Artifact> byId(OrgId org, ArtifactId id) {
		this.readsById++;
		return this.byOrg.getOrDefault(org, List.of()).stream().filter((a) -> a.id().equals(id)).findFirst();
	}

	@Override
	public List<Artifact> page(OrgId org, ProjectId project, @Nullable String beforeVersion, int limit) {
		Comparator<Artifact> newestFirst = Comparator.comparing(Artifact::createdAt)
			.thenComparing((Artifact a) -> a.id().value())
			.reversed();
		Artifact before = (beforeVersion != null) ? artifact(org, project, beforeVersion).orElse(null) : null;
		if (beforeVersion != null && before == null) {
			return List.of();
		}
		return this.byOrg.getOrDefault(org, List.of())
			.stream()
			.filter((a) -> a.project().equals(project))
			.filter((a) -> before == null || newestFirst.compare(a, before) > 0)
			.sorted(newestFirst)
			.limit(limit)
			.toList();
	}

}
