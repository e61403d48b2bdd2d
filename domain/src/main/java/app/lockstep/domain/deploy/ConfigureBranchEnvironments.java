package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.Validation;
import org.jspecify.annotations.Nullable;

/**
 * Reads and sets a project's rule for environments per branch, and lists the environments
 * branches created. Setting it needs {@link Permission#MANAGE_POLICIES} (the environments
 * it creates deploy automatically); bad input is a 422 per field and saves nothing; the
 * change is an audit event with before and after. Turning it off creates no more
 * environments and leaves the existing ones as they are.
 */
@UseCase
public final class ConfigureBranchEnvironments {

	public static final int MAX_PATTERN = 200;

	private final Projects projects;

	private final Environments environments;

	private final BranchEnvironments branches;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public ConfigureBranchEnvironments(Projects projects, Environments environments, BranchEnvironments branches,
			AuditLog auditLog, Transactions transactions, Clock clock) {
		this.projects = projects;
		this.environments = environments;
		this.branches = branches;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * As typed: {@code enabled}; {@code pattern} such as {@code feature/*};
	 * {@code parent} an environment's name; {@code maxActive} (default 10) and
	 * {@code idleDays} (default 14).
	 */
	public record Input(@Nullable Boolean enabled, @Nullable String pattern, @Nullable String parent,
			@Nullable Integer maxActive, @Nullable Integer idleDays) {
	}

	/** One environment a branch created, with its environment's and parent's names. */
	public record Item(BranchEnvironment branch, String environmentName, @Nullable String parentName) {
	}

	/**
	 * The project, its environments, its rule (null: off) and its branch environments.
	 */
	public record View(Project project, List<Environment> environments, @Nullable BranchRule rule,
			@Nullable String parentName, List<Item> branches) {
	}

	public View view(Caller caller, String projectSlug) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> view(caller.orgId(), project(caller, projectSlug)));
	}

	public View update(Caller caller, String projectSlug, Input input) {
		caller.require(Permission.MANAGE_POLICIES);
		OrgId org = caller.orgId();
		Instant now = this.clock.instant();
		return this.transactions.inTenant(org, () -> {
			Project project = project(caller, projectSlug);
			List<Environment> environments = this.environments.list(org, project.id());
			BranchRule before = this.branches.rule(org, project.id()).orElse(null);
			BranchRule after = null;
			if (Validation.requiredSwitch(input.enabled(), "enabled")) {
				after = rule(caller, project, environments, input, now);
				this.branches.saveRule(org, after);
			}
			else if (before != null) {
				this.branches.removeRule(org, project.id());
			}
			if (before != null || after != null) {
				this.auditLog.append(org, caller.actor(),
						AuditEntry.of("branch_environments.updated", "project", project.id().toString())
							.project(project.slug())
							.changes(describe(environments, before), describe(environments, after))
							.build());
			}
			return view(org, project);
		});
	}

	private Project project(Caller caller, String projectSlug) {
		return this.projects.findBySlug(caller.orgId(), projectSlug)
			.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
	}

	private View view(OrgId org, Project project) {
		List<Environment> environments = this.environments.list(org, project.id());
		Map<app.lockstep.domain.project.EnvironmentId, String> names = new LinkedHashMap<>();
		environments.forEach((e) -> names.put(e.id(), e.name()));
		BranchRule rule = this.branches.rule(org, project.id()).orElse(null);
		List<BranchEnvironment> branches = this.branches.ofProject(org, project.id());
		// deactivated ones are not in the list: read their names at once
		this.environments.findAll(org,
				branches.stream().map(BranchEnvironment::environment).filter((id) -> !names.containsKey(id)).toList())
			.forEach((id, e) -> names.put(id, e.name()));
		List<Item> items = branches.stream()
			.map((b) -> new Item(b, names.getOrDefault(b.environment(), "?"),
					(b.parent() != null) ? names.get(b.parent()) : null))
			.toList();
		List<Environment> regular = environments.stream()
			.filter((e) -> items.stream().noneMatch((i) -> i.branch().environment().equals(e.id())))
			.toList();
		return new View(project, regular, rule, (rule != null) ? names.get(rule.parent()) : null, items);
	}

	private static BranchRule rule(Caller caller, Project project, List<Environment> environments, Input input,
			Instant now) {
		Validation validation = new Validation();
		String pattern = RequestDeployment.trimToNull(input.pattern());
		validation.check(pattern != null, "pattern", "Enter the branches that get an environment, such as feature/*.");
		validation.check(pattern == null || (pattern.length() <= MAX_PATTERN && !pattern.contains(" ")), "pattern",
				"A branch pattern is one glob without spaces, such as feature/*, " + MAX_PATTERN
						+ " characters or fewer.");
		String parentName = RequestDeployment.trimToNull(input.parent());
		Environment parent = environments.stream().filter((e) -> e.name().equals(parentName)).findFirst().orElse(null);
		validation.check(parent != null, "parent",
				(parentName == null) ? "Choose the environment whose config a branch environment starts from."
						: project.slug() + " has no environment \"" + parentName + "\".");
		int maxActive = (input.maxActive() != null) ? input.maxActive() : BranchRule.DEFAULT_MAX_ACTIVE;
		validation.check(maxActive >= 1 && maxActive <= 100, "maxActive",
				"Allow between 1 and 100 active branch environments.");
		int idleDays = (input.idleDays() != null) ? input.idleDays() : BranchRule.DEFAULT_IDLE_DAYS;
		validation.check(idleDays >= 1 && idleDays <= 365, "idleDays",
				"Deactivate after 1 to 365 days without a push.");
		validation.throwIfInvalid();
		return new BranchRule(project.id(), java.util.Objects.requireNonNull(pattern),
				java.util.Objects.requireNonNull(parent).id(), maxActive, idleDays, now, caller.userId(),
				caller.name());
	}

	private static Map<String, @Nullable Object> describe(List<Environment> environments, @Nullable BranchRule rule) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("enabled", rule != null);
		if (rule != null) {
			fields.put("pattern", rule.pattern());
			fields.put("parent",
					environments.stream()
						.filter((e) -> e.id().equals(rule.parent()))
						.map(Environment::name)
						.findFirst()
						.orElse(null));
			fields.put("maxActive", rule.maxActive());
			fields.put("idleDays", rule.idleDays());
		}
		return fields;
	}

}
