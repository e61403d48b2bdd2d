package app.lockstep.domain.code;

import java.time.Instant;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.project.ProjectId;

/**
 * A project's push webhook: its hook id (the unguessable part of its URLs) and its
 * secret, sealed at rest, with who set the secret last and when. {@code projectSlug} is
 * read with it (it is not stored).
 */
public record Webhook(ProjectId project, String projectSlug, String hookId, SealedSecret secret, Instant updatedAt,
		String updatedBy) {

	@Override
	public String toString() {
		return "Webhook[project=" + this.projectSlug + "]";
	}

}
