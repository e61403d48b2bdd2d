package app.lockstep.domain.window;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

/**
 * Replaces an environment's deployment windows (time zone, blocks, allowed hours,
 * freezes) as a whole. Needs {@link Permission#MANAGE_POLICIES}; bad input saves nothing;
 * a change is the audit event {@code windows.updated} with the rules before and after.
 * Deployments waiting for the environment's window are decided again in the same
 * transaction ({@link WindowChanges}).
 */
@UseCase
public final class UpdateDeploymentWindows {

	private final Projects projects;

	private final Environments environments;

	private final DeploymentWindows windows;

	private final WindowCheck windowCheck;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	private final WindowChanges changes;

	public UpdateDeploymentWindows(Projects projects, Environments environments, DeploymentWindows windows,
			WindowCheck windowCheck, AuditLog auditLog, Transactions transactions, Clock clock, WindowChanges changes) {
		this.changes = changes;
		this.projects = projects;
		this.environments = environments;
		this.windows = windows;
		this.windowCheck = windowCheck;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public ViewDeploymentWindows.Overview update(Caller caller, String projectSlug, String environmentName,
			WindowRulesInput input) {
		caller.require(Permission.MANAGE_POLICIES);
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = ViewDeploymentWindows.project(this.projects, caller.orgId(), projectSlug);
			Environment environment = ViewDeploymentWindows.environment(this.environments, caller.orgId(), project,
					environmentName);
			EffectiveWindows before = this.windowCheck.effective(caller.orgId(), environment);
			if (before.locked()) {
				throw new app.lockstep.domain.shared.ConflictException(environment.name()
						+ "'s windows are the organization's for production (set by " + before.updatedBy()
						+ "), which environments cannot override. Owners and admins change them on the organization's "
						+ "policies page.");
			}
			WindowRules rules = input.toRules(environment.timeZone());
			Instant now = this.clock.instant();
			if (before.defaultRules() || before.fromOrganization() || !before.rules().equals(rules)) {
				this.windows.save(caller.orgId(), environment.id(), rules, caller.userId(), caller.name(), now);
				this.auditLog.append(caller.orgId(), caller.actor(),
						AuditEntry.of("windows.updated", "environment", environment.id().toString())
							.project(project.slug())
							.environment(environment.name())
							.changes(fields(before.rules()), fields(rules))
							.detail("replacedDefault", before.defaultRules())
							.build());
				this.changes.changed(caller.orgId(), environment.id(), caller.actor(), now);
			}
			return ViewDeploymentWindows.overview(project, environment,
					this.windowCheck.effective(caller.orgId(), environment), now);
		});
	}

	/** The rules as audit fields: each kind of rule as one readable line. */
	static Map<String, Object> fields(WindowRules rules) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("timeZone", rules.timeZone().getId());
		fields.put("blocks", join(rules.blocks()
			.stream()
			.map((block) -> block.label() + " (" + days(block.days()) + " " + WindowRulesInput.format(block.from())
					+ "–" + WindowRulesInput.formatEnd(block.to()) + ")")
			.toList()));
		fields.put("allowedHours",
				join(rules.allowedHours()
					.stream()
					.map((hours) -> days(hours.days()) + " " + WindowRulesInput.format(hours.from()) + "–"
							+ WindowRulesInput.formatEnd(hours.to()))
					.toList()));
		fields.put("freezes",
				join(rules.freezes()
					.stream()
					.map((freeze) -> freeze.reason() + " (" + freeze.start() + " – " + freeze.end() + ")")
					.toList()));
		return fields;
	}

	private static String days(java.util.Set<java.time.DayOfWeek> days) {
		return days.stream().map(java.time.DayOfWeek::name).collect(Collectors.joining(","));
	}

	private static String join(List<String> lines) {
		return lines.isEmpty() ? "none" : String.join("; ", lines);
	}

}
