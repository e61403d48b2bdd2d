package app.lockstep.web.code;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.code.ViewArtifacts;
import app.lockstep.domain.code.ViewCodeChanges;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A project's commits, newest received first (optionally one branch; "Older" continues
 * before the last one shown), and its newest artifacts.
 */
@Controller
@RequestMapping("/orgs/{org}/projects/{project}/commits")
class CommitsPageController {

	static final int PAGE_SIZE = 50;

	static final int ARTIFACTS_SHOWN = 10;

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	private final ViewCodeChanges viewCodeChanges;

	private final ViewArtifacts viewArtifacts;

	CommitsPageController(ViewCodeChanges viewCodeChanges, ViewArtifacts viewArtifacts) {
		this.viewCodeChanges = viewCodeChanges;
		this.viewArtifacts = viewArtifacts;
	}

	/** A commit as a row shows it. */
	record CommitRow(String sha, String shortSha, String branch, String title, @Nullable String author,
			String committed, @Nullable String url, String source) {
	}

	/** An artifact as a row shows it. */
	record ArtifactRow(String version, String shortSha, String digest, String created, String createdBy) {

		/** The digest's start, cut off ("sha256:0123…"). */
		public String digestStart() {
			return this.digest + "…";
		}

		/** "2 Mar 2026 · CI". */
		public String createdLine() {
			return this.created + " · " + this.createdBy;
		}

	}

	@GetMapping
	String commits(Caller caller, @PathVariable String project, @RequestParam(required = false) @Nullable String branch,
			@RequestParam(required = false) @Nullable String before, Model model) {
		ViewCodeChanges.Page page = this.viewCodeChanges.list(caller, project, branch, before, PAGE_SIZE);
		ZoneId zone = caller.organization().timeZone();
		List<CommitRow> commits = page.changes().stream().map((change) -> row(change, zone)).toList();
		List<ArtifactRow> artifacts = this.viewArtifacts.list(caller, project, null, ARTIFACTS_SHOWN)
			.artifacts()
			.stream()
			.map((artifact) -> row(artifact, zone))
			.toList();
		model.addAttribute("section", "dashboard");
		model.addAttribute("project", page.project());
		model.addAttribute("commits", commits);
		model.addAttribute("artifacts", artifacts);
		model.addAttribute("branch", (branch != null && !branch.isBlank()) ? branch.strip() : null);
		model.addAttribute("nextBefore", page.nextBefore());
		model.addAttribute("firstPage", before == null || before.isBlank());
		model.addAttribute("canConfigure", caller.can(Permission.EDIT_PROJECTS));
		model.addAttribute("zone", zone.getId());
		model.addAttribute("pageTitle", "Commits · " + page.project().name() + " · Lockstep");
		model.addAttribute("zoneNote", "Times in " + zone.getId() + ".");
		model.addAttribute("emptyHeading",
				(before == null || before.isBlank()) ? "No commits yet" : "No older commits");
		return "code/commits";
	}

	private static CommitRow row(CodeChange change, ZoneId zone) {
		return new CommitRow(change.sha(), change.shortSha(), change.branch(), change.title(), change.author(),
				dateTime(change.committedAt(), zone), change.url(), change.source().value());
	}

	private static ArtifactRow row(Artifact artifact, ZoneId zone) {
		String digest = artifact.digest();
		int colon = digest.indexOf(':');
		String shortDigest = digest.substring(0, Math.min(digest.length(), colon + 13));
		return new ArtifactRow(artifact.version(), artifact.commitSha().substring(0, 7), shortDigest,
				dateTime(artifact.createdAt(), zone), artifact.createdBy().name());
	}

	private static String dateTime(Instant instant, ZoneId zone) {
		return DATE_TIME.format(instant.atZone(zone));
	}

}
