package app.lockstep.domain.code;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;

/**
 * Stores validated commits (the ones not known yet) and appends one {@code code.pushed}
 * audit event per branch that got new commits, inside the caller's unit of work. Commits
 * already known change nothing and log nothing.
 */
final class CodeIngestion {

	private final CodeChanges codeChanges;

	private final AuditLog auditLog;

	CodeIngestion(CodeChanges codeChanges, AuditLog auditLog) {
		this.codeChanges = codeChanges;
		this.auditLog = auditLog;
	}

	List<String> store(OrgId org, ProjectId project, String projectSlug, List<Commit> commits, CodeSource source,
			Actor actor, Instant receivedAt, Map<String, String> extraDetails) {
		List<String> stored = this.codeChanges.addAll(org, project, commits, source, receivedAt);
		if (stored.isEmpty()) {
			return stored;
		}
		Set<String> added = Set.copyOf(stored);
		Map<String, List<String>> byBranch = new LinkedHashMap<>();
		for (Commit commit : commits) {
			if (added.contains(commit.sha())) {
				byBranch.computeIfAbsent(commit.branch(), (branch) -> new ArrayList<>()).add(commit.sha());
			}
		}
		byBranch.forEach((branch, shas) -> {
			AuditEntry.Builder entry = AuditEntry.of("code.pushed", "branch", branch)
				.project(projectSlug)
				.detail("branch", branch)
				.detail("count", shas.size())
				.detail("shas", List.copyOf(shas))
				.detail("source", source.value());
			extraDetails.forEach(entry::detail);
			this.auditLog.append(org, actor, entry.build());
		});
		return stored;
	}

}
