package app.lockstep.domain.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.code.CodeSource;
import app.lockstep.domain.code.Commit;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * Code changes per organization, once per project and sha, in order of receipt.
 * {@link #commitsBetween} follows the port's contract (commit times on the branch of
 * {@code toSha}, not ancestry), as the SQL does.
 */
public final class InMemoryCodeChanges implements CodeChanges {

	private final Map<OrgId, List<CodeChange>> byOrg = new HashMap<>();

	private record Tag(ProjectId project, String name, String sha) {
	}

	private final Map<OrgId, List<Tag>> tags = new HashMap<>();

	@Override
	public boolean addTag(OrgId org, ProjectId project, String tag, String sha, Instant pushedAt) {
		List<Tag> known = this.tags.computeIfAbsent(org, (o) -> new ArrayList<>());
		Tag added = new Tag(project, tag, sha);
		if (known.contains(added)) {
			return false;
		}
		known.add(added);
		return true;
	}

	@Override
	public List<String> tagsAt(OrgId org, ProjectId project, String sha) {
		return this.tags.getOrDefault(org, List.of())
			.stream()
			.filter((t) -> t.project().equals(project) && t.sha().equals(sha))
			.map(Tag::name)
			.toList()
			.reversed();
	}

	private List<CodeChange> of(OrgId org) {
		return this.byOrg.computeIfAbsent(org, (o) -> new ArrayList<>());
	}

	@Override
	public List<String> addAll(OrgId org, ProjectId project, List<Commit> commits, CodeSource source,
			Instant receivedAt) {
		List<String> stored = new ArrayList<>();
		for (Commit commit : commits) {
			if (find(org, project, commit.sha()).isEmpty()) {
				of(org).add(new CodeChange(project, commit.sha(), commit.branch(), commit.author(), commit.message(),
						commit.committedAt(), commit.url(), receivedAt, source));
				stored.add(commit.sha());
			}
		}
		return stored;
	}

	@Override
	public Optional<CodeChange> find(OrgId org, ProjectId project, String sha) {
		return of(org).stream().filter((c) -> c.project().equals(project) && c.sha().equals(sha)).findFirst();
	}

	@Override
	public List<CodeChange> page(OrgId org, ProjectId project, @Nullable String branch, @Nullable String beforeSha,
			int limit) {
		List<CodeChange> changes = of(org).stream().filter((c) -> c.project().equals(project)).toList();
		int end = changes.size();
		if (beforeSha != null) {
			end = 0;
			for (int i = 0; i < changes.size(); i++) {
				if (changes.get(i).sha().equals(beforeSha)) {
					end = i;
				}
			}
		}
		return changes.subList(0, end)
			.reversed()
			.stream()
			.filter((c) -> branch == null || c.branch().equals(branch))
			.limit(limit)
			.toList();
	}

	@Override
	public List<CodeChange> commitsBetween(OrgId org, ProjectId project, @Nullable String fromSha, String toSha) {
		CodeChange to = find(org, project, toSha.toLowerCase(Locale.ROOT)).orElse(null);
		if (to == null) {
			return List.of();
		}
		CodeChange from = (fromSha != null) ? find(org, project, fromSha.toLowerCase(Locale.ROOT)).orElse(null) : null;
		List<CodeChange> received = of(org);
		return received.stream()
			.filter((c) -> c.project().equals(project) && c.branch().equals(to.branch()))
			.filter((c) -> !c.committedAt().isAfter(to.committedAt()))
			.filter((c) -> from == null || c.committedAt().isAfter(from.committedAt()))
			.sorted(Comparator.comparing(CodeChange::committedAt).thenComparingInt(received::indexOf).reversed())
			.limit(MAX_BETWEEN)
			.toList();
	}

}
