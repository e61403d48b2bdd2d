package app.lockstep.domain.code;

import java.time.Instant;

import app.lockstep.domain.project.ProjectId;
import org.jspecify.annotations.Nullable;

/**
 * A commit pushed to a project's repository, as Lockstep received it: once per project
 * and sha, whichever way it arrived first. {@code branch} is the branch of that first
 * arrival.
 */
public record CodeChange(ProjectId project, String sha, String branch, @Nullable String author,
		@Nullable String message, Instant committedAt, @Nullable String url, Instant receivedAt, CodeSource source) {

	/** The first 7 characters of the sha, as people read it. */
	public String shortSha() {
		return this.sha.substring(0, 7);
	}

	/** The first line of the message (empty without one). */
	public String title() {
		if (this.message == null) {
			return "";
		}
		int newline = this.message.indexOf('\n');
		return (newline >= 0) ? this.message.substring(0, newline).strip() : this.message.strip();
	}

}
