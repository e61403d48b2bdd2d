package app.lockstep.web.timeline;

import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Project;

/**
 * The sentences of the timeline page ({@code templates/timeline/timeline} and its
 * results), built here so the templates only print them.
 *
 * @param firstPage whether the page shows the newest entries
 * @param allKinds whether every kind of entry is shown
 */
record TimelineText(Project project, Environment environment, boolean firstPage, boolean allKinds) {

	public String title() {
		return "Timeline · " + this.environment.name() + " · " + this.project.name() + " · Lockstep";
	}

	public String emptyHeading() {
		return this.firstPage ? "Nothing here yet" : "You reached the beginning";
	}

	public String emptyNote() {
		if (!this.firstPage) {
			return "There is nothing older.";
		}
		return this.allKinds
				? "Pushes, config revisions, deployments and policy changes of this environment will appear here as they happen."
				: "Nothing of these kinds has happened to this environment yet.";
	}

}
