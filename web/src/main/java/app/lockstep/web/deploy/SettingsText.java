package app.lockstep.web.deploy;

import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Project;

/**
 * The sentences of the deployment settings page ({@code templates/deploy/settings} and
 * its {@code settings-forms}), built here so the templates only print them.
 */
public record SettingsText(Project project, Environment environment, ApprovalPolicy policy, boolean secretSet) {

	public String title() {
		return "Deployment settings · " + this.environment.name() + " · " + this.project.name() + " · Lockstep";
	}

	/** "Shop/production". */
	public String place() {
		return this.project.name() + "/" + this.environment.name();
	}

	public String lastChanged() {
		return "Last changed by " + this.policy.updatedByName() + ".";
	}

	public String secretHelp() {
		return this.secretSet ? "Leave empty to keep it; type a new one to replace it."
				: "16 to 200 visible characters. Each delivery carries X-Lockstep-Signature: sha256=HMAC of the body.";
	}

}
