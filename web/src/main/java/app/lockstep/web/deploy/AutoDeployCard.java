package app.lockstep.web.deploy;

import java.time.ZoneId;
import java.util.List;

import app.lockstep.domain.deploy.AutoDeployRule;
import app.lockstep.domain.deploy.AutomaticDeployment;
import app.lockstep.domain.deploy.ConfigureAutoDeploy;
import app.lockstep.domain.project.Environment;
import org.jspecify.annotations.Nullable;

/**
 * What the automatic deployment card says: what the environment follows (or that it
 * deploys only when asked) and its latest triggers, each with where it led.
 */
record AutoDeployCard(String status, @Nullable String branchNote, List<Row> recent) {

	/** One trigger: when, which build from which ref, and what became of it. */
	record Row(String at, String version, String ref, String pushedBy, String outcome, boolean refused, String detail,
			@Nullable String deploymentHref) {
	}

	static AutoDeployCard of(ConfigureAutoDeploy.View view, String org, String project) {
		Environment environment = view.environment();
		AutoDeployRule rule = view.rule();
		String status = (rule == null) ? "Off: " + environment.name() + " deploys only when someone asks."
				: "On: " + environment.name() + " deploys " + rule.describe(environment) + " as they are registered ("
						+ ((rule.whenBlocked() == app.lockstep.domain.deploy.WhenBlocked.QUEUE)
								? "outside a window they wait for it" : "outside a window they are refused")
						+ "). Set by " + rule.updatedByName() + ".";
		String branchNote = (environment.branchPattern() != null)
				? "Builds of commits on " + environment.branchPattern() + " (this environment's branch pattern)"
				: "Builds of this environment's branch (set a branch pattern on the project's environments first)";
		ZoneId zone = environment.timeZone();
		List<Row> rows = view.recent()
			.stream()
			.map((t) -> new Row(QueueTimes.at(t.createdAt(), zone), t.version(), t.ref(),
					(t.pushedBy() != null) ? "· " + t.pushedBy() : "",
					(t.outcome() == AutomaticDeployment.Outcome.REQUESTED) ? "Requested" : "Refused",
					t.outcome() == AutomaticDeployment.Outcome.REFUSED, t.detail(),
					(t.deployment() != null)
							? DeploymentPaths.deployment(org, project, environment.name(), t.deployment()) : null))
			.toList();
		return new AutoDeployCard(status, branchNote, rows);
	}

}
