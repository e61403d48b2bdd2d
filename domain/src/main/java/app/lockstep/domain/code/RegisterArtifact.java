package app.lockstep.domain.code;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Registers a build of a project: its version, the commit it was built from and its
 * digest. Artifacts are immutable: registering the same build again changes nothing
 * ({@link Outcome#UNCHANGED}), and the same version with another commit or digest is
 * refused ({@link Outcome#CONFLICT}), so a version always means the same bits. A new
 * artifact is an audit event ({@code artifact.registered}). Needs the permission to
 * request deployments (the scope {@code deployments:write}). A new artifact is handed to
 * {@link BuildTriggers}: environments that deploy its commit's branch or tag
 * automatically request it.
 */
@UseCase
public final class RegisterArtifact {

	public static final int MAX_VERSION = 128;

	private static final Pattern VERSION = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._+-]*$");

	private static final Pattern DIGEST = Pattern.compile("^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$");

	private final Artifacts artifacts;

	private final Projects projects;

	private final AuditLog auditLog;

	private final BuildTriggers triggers;

	private final Transactions transactions;

	private final Clock clock;

	public RegisterArtifact(Artifacts artifacts, Projects projects, AuditLog auditLog, BuildTriggers triggers,
			Transactions transactions, Clock clock) {
		this.artifacts = artifacts;
		this.projects = projects;
		this.auditLog = auditLog;
		this.triggers = triggers;
		this.transactions = transactions;
		this.clock = clock;
	}

	public record Input(@Nullable String version, @Nullable String commitSha, @Nullable String digest) {
	}

	public enum Outcome {

		/** A new artifact (201). */
		CREATED,
		/** The same version, commit and digest were registered before (200). */
		UNCHANGED,
		/** The version exists with another commit or digest (409); nothing changed. */
		CONFLICT

	}

	/**
	 * What happened, and the artifact as stored: the new one, or the one registered
	 * before under this version.
	 */
	public record Registration(Outcome outcome, Artifact artifact) {
	}

	public Registration register(Caller caller, String projectSlug, Input input) {
		caller.require(Permission.REQUEST_DEPLOYMENTS);
		Validation validation = new Validation();
		String versionText = (input.version() != null) ? input.version().strip() : null;
		if (versionText == null || versionText.isEmpty()) {
			validation.add("version", "Enter the version of the build, such as 1.4.2.");
		}
		else if (versionText.length() > MAX_VERSION || !VERSION.matcher(versionText).matches()) {
			validation.add("version", "Use letters, digits, dots, dashes, pluses and underscores, starting with a "
					+ "letter or digit, " + MAX_VERSION + " characters or fewer (such as 1.4.2 or 2026.03.02-7).");
		}
		String shaText = (input.commitSha() != null) ? input.commitSha().strip().toLowerCase(Locale.ROOT) : null;
		if (shaText == null || shaText.isEmpty()) {
			validation.add("commitSha", "Enter the sha of the commit the build was made from.");
		}
		else if (!Commit.SHA.matcher(shaText).matches()) {
			validation.add("commitSha", "\"" + input.commitSha()
					+ "\" is not a full commit sha: use all 40 (or, for SHA-256 repositories, 64) hex digits.");
		}
		String digestText = (input.digest() != null) ? input.digest().strip() : null;
		if (digestText == null || digestText.isEmpty()) {
			validation.add("digest", "Enter the build's digest, such as sha256:<64 hex digits>.");
		}
		else if (!DIGEST.matcher(digestText).matches()) {
			validation.add("digest", "\"" + digestText + "\" is not a digest: use sha256:<64 lowercase hex digits> "
					+ "(or sha512:<128>), as docker inspect or sha256sum prints it.");
		}
		validation.throwIfInvalid();
		// each was checked above
		String version = Objects.requireNonNull(versionText);
		String sha = Objects.requireNonNull(shaText);
		String digest = Objects.requireNonNull(digestText);
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = this.projects.findBySlug(caller.orgId(), projectSlug)
				.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
			Artifact candidate = new Artifact(ArtifactId.random(), project.id(), version, sha, digest,
					this.clock.instant(), caller.actor());
			if (!this.artifacts.addIfAbsent(caller.orgId(), candidate)) {
				Artifact existing = this.artifacts.artifact(caller.orgId(), project.id(), version)
					.orElseThrow(() -> new IllegalStateException("Artifact " + version + " vanished"));
				return new Registration(existing.sameBuildAs(sha, digest) ? Outcome.UNCHANGED : Outcome.CONFLICT,
						existing);
			}
			this.auditLog.append(caller.orgId(), candidate.createdBy(),
					AuditEntry.of("artifact.registered", "artifact", candidate.id().toString())
						.project(project.slug())
						.detail("version", version)
						.detail("commitSha", sha)
						.detail("digest", digest)
						.build());
			this.triggers.registered(caller.orgId(), project.id(), project.slug(), candidate);
			return new Registration(Outcome.CREATED, candidate);
		});
	}

}
