package app.lockstep.domain.window;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.ChosenProjects;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Reads and sets the organization's deployment windows for production environments, of
 * every project or of chosen ones, and whether an environment's own windows may override
 * them. Setting them needs {@link Permission#MANAGE_POLICIES}; bad input is a 422 per
 * field and saves nothing; the change is an audit event with before and after, and what
 * waits for a window is decided again at once.
 */
@UseCase
public final class ConfigureOrganizationWindows {

	private final Projects projects;

	private final DeploymentWindows windows;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	private final WindowChanges changes;

	public ConfigureOrganizationWindows(Projects projects, DeploymentWindows windows, AuditLog auditLog,
			Transactions transactions, Clock clock, WindowChanges changes) {
		this.projects = projects;
		this.windows = windows;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
		this.changes = changes;
	}

	/**
	 * As typed: the rules (in their time zone; the organization's when none is given),
	 * {@code projects} the slugs they apply to (null or empty: every project),
	 * {@code overridable} whether an environment's own windows win.
	 */
	public record Input(@Nullable Boolean enabled, @Nullable WindowRulesInput rules, @Nullable List<String> projects,
			@Nullable Boolean overridable) {
	}

	/** The windows (null: none) and the organization's projects to choose from. */
	public record View(@Nullable OrganizationWindows windows, List<Project> projects) {
	}

	public View view(Caller caller) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> view(caller.orgId()));
	}

	public View update(Caller caller, Input input) {
		caller.require(Permission.MANAGE_POLICIES);
		OrgId org = caller.orgId();
		Instant now = this.clock.instant();
		boolean enabled = Validation.requiredSwitch(input.enabled(), "enabled");
		return this.transactions.inTenant(org, () -> {
			List<Project> all = all(org);
			OrganizationWindows before = this.windows.organizationWindows(org).orElse(null);
			OrganizationWindows after = null;
			if (enabled) {
				after = windows(caller, all, input, now);
				this.windows.saveOrganizationWindows(org, after, caller.userId());
			}
			else if (before != null) {
				this.windows.removeOrganizationWindows(org);
			}
			if (before != null || after != null) {
				this.auditLog.append(org, caller.actor(),
						AuditEntry.of("organization_windows.updated", "organization", org.toString())
							.changes(describe(all, before), describe(all, after))
							.build());
				this.changes.changed(org, null, caller.actor(), now);
			}
			return view(org);
		});
	}

	private List<Project> all(OrgId org) {
		return this.projects.listWithEnvironments(org).stream().map(ProjectWithEnvironments::project).toList();
	}

	private View view(OrgId org) {
		return new View(this.windows.organizationWindows(org).orElse(null), all(org));
	}

	private static OrganizationWindows windows(Caller caller, List<Project> all, Input input, Instant now) {
		Validation validation = new Validation();
		Set<ProjectId> chosen = ChosenProjects.resolve(all, input.projects(), validation);
		WindowRules rules = null;
		try {
			WindowRulesInput typed = (input.rules() != null) ? input.rules()
					: new WindowRulesInput(null, null, null, null);
			rules = typed.toRules(caller.organization().timeZone());
		}
		catch (ValidationException invalid) {
			invalid.errors().forEach((error) -> validation.add(error.field(), error.message()));
		}
		validation.throwIfInvalid();
		return new OrganizationWindows(java.util.Objects.requireNonNull(rules), chosen.isEmpty(), Set.copyOf(chosen),
				Boolean.TRUE.equals(input.overridable()), now, caller.name());
	}

	private static Map<String, @Nullable Object> describe(List<Project> all, @Nullable OrganizationWindows windows) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("enabled", windows != null);
		if (windows != null) {
			fields.putAll(UpdateDeploymentWindows.fields(windows.rules()));
			fields.put("projects", ChosenProjects.describe(windows.allProjects(), windows.projects(), all));
			fields.put("overridable", windows.overridable());
		}
		return fields;
	}

}
