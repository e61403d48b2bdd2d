package app.lockstep.web.code;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import app.lockstep.domain.deploy.BranchRule;
import app.lockstep.domain.deploy.ConfigureBranchEnvironments;
import app.lockstep.domain.project.Environment;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The "Environments per branch" card of the project settings page: the rule in words, the
 * form as typed, and the environments branches created with where each came from.
 */
record BranchEnvironmentsCard(String status, List<String> parents, List<Row> rows) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	/** One branch environment: its page, branch, origin, and state. */
	record Row(String name, String href, String branch, String origin, boolean active, String state,
			@Nullable String compareHref) {
	}

	/** The form as typed. */
	record Form(boolean enabled, String pattern, String parent, String maxActive, String idleDays) {

		static Form of(ConfigureBranchEnvironments.View view) {
			BranchRule rule = view.rule();
			if (rule == null) {
				String parent = view.environments().isEmpty() ? "" : view.environments().getFirst().name();
				return new Form(false, "feature/*", parent, String.valueOf(BranchRule.DEFAULT_MAX_ACTIVE),
						String.valueOf(BranchRule.DEFAULT_IDLE_DAYS));
			}
			return new Form(true, rule.pattern(), (view.parentName() != null) ? view.parentName() : "",
					String.valueOf(rule.maxActive()), String.valueOf(rule.idleDays()));
		}

		static Form from(HttpServletRequest request) {
			return new Form(request.getParameter("enabled") != null, text(request, "pattern"), text(request, "parent"),
					text(request, "maxActive"), text(request, "idleDays"));
		}

		private static String text(HttpServletRequest request, String name) {
			String value = request.getParameter(name);
			return (value != null) ? value : "";
		}

	}

	static BranchEnvironmentsCard of(ConfigureBranchEnvironments.View view, String org, ZoneId zone) {
		BranchRule rule = view.rule();
		String status = (rule == null) ? "Off: branches get no environment of their own."
				: "On: a push to a new branch matching " + rule.pattern() + " creates an environment from "
						+ view.parentName() + "'s config that deploys the branch's builds; at most " + rule.maxActive()
						+ " active, deactivated after " + rule.idleDays() + " days without a push. Set by "
						+ rule.updatedByName() + ".";
		String base = "/orgs/" + org + "/projects/" + view.project().slug();
		List<Row> rows = view.branches().stream().map((item) -> {
			var branch = item.branch();
			String href = base + "/environments/" + item.environmentName();
			String origin = (item.parentName() != null) ? "from " + item.parentName()
					+ ((branch.parentRevision() != null) ? " revision " + branch.parentRevision() : " (no config)")
					: "parent gone";
			String state = branch.active() ? "Active · last push " + DAY.format(branch.lastPushAt().atZone(zone))
					: "Deactivated " + DAY.format(java.util.Objects.requireNonNull(branch.deactivatedAt()).atZone(zone))
							+ ": " + branch.deactivatedReason();
			String compare = (item.parentName() != null && branch.active())
					? base + "/compare?left=" + item.parentName() + "&right=" + item.environmentName() : null;
			return new Row(item.environmentName(), href, branch.branch(), origin, branch.active(), state, compare);
		}).toList();
		return new BranchEnvironmentsCard(status, view.environments().stream().map(Environment::name).toList(), rows);
	}

}
