package app.lockstep.web.project;

import java.util.List;

import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Project;
import org.jspecify.annotations.Nullable;

/**
 * The sentences of the environment pages ({@code templates/project/environment},
 * {@code environment-settings} and the {@code environment-tabs} heading), built here so
 * the templates only print them.
 */
public record EnvironmentText(Project project, List<Environment> environments, Environment environment,
		@Nullable Environment previous, @Nullable Environment next, boolean canEdit) {

	public String title() {
		return this.environment.name() + " · " + this.project.name() + " · Lockstep";
	}

	public String settingsTitle() {
		return "Settings · " + this.environment.name() + " · " + this.project.name() + " · Lockstep";
	}

	/** "Stage 2 of 3". */
	public String stage() {
		return "Stage " + this.environment.position() + " of " + this.environments.size();
	}

	public String promotionOrder() {
		return stage() + " in " + this.project.name() + "’s promotion order";
	}

	public String after() {
		return ", after " + ((this.previous != null) ? this.previous.name() : null);
	}

	public String before() {
		return ", before " + ((this.next != null) ? this.next.name() : null);
	}

	public String revision(ConfigRevision revision) {
		return "Revision " + revision.number();
	}

	/** "+1 ~0 -0 variables · Dana". */
	public String revisionByline(ConfigRevision revision) {
		return revision.summary() + " · " + revision.author().name();
	}

	public String settingsLink() {
		return this.canEdit ? "Change name, tier, stage or branch in Settings" : "All details in Settings";
	}

}
