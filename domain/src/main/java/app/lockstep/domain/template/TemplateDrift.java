package app.lockstep.domain.template;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.ConfigRevisions;
import app.lockstep.domain.config.ConfigScope;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.StoredVariable;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.deploy.ApprovalPolicies;
import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.deploy.DeployTarget;
import app.lockstep.domain.deploy.DeployTargets;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentInput;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.project.UpdateEnvironment;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.window.DeploymentWindows;
import app.lockstep.domain.window.SavedWindows;
import app.lockstep.domain.window.WindowRules;
import org.jspecify.annotations.Nullable;

/**
 * Where a project created from a template has drifted from it, and bringing it back: a
 * missing environment, a tier or branch pattern, a gate or windows the template sets, a
 * shared variable it names. Bringing it in line changes those through the normal use
 * cases and ports (one unit of work, one audit event listing what changed) and leaves
 * alone what cannot be decided for the project: environments the template does not have,
 * the promotion order, a deploy target's webhook (its URL and secret are the project's).
 * Needs {@link Permission#MANAGE_POLICIES}.
 */
@UseCase
public final class TemplateDrift {

	private final ProjectTemplates templates;

	private final Projects projects;

	private final Environments environments;

	private final ApprovalPolicies policies;

	private final DeploymentWindows windows;

	private final DeployTargets targets;

	private final ConfigRevisions revisions;

	private final CreateEnvironment createEnvironment;

	private final UpdateEnvironment updateEnvironment;

	private final SaveConfigRevision saveConfig;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public TemplateDrift(ProjectTemplates templates, Projects projects, Environments environments,
			ApprovalPolicies policies, DeploymentWindows windows, DeployTargets targets, ConfigRevisions revisions,
			CreateEnvironment createEnvironment, UpdateEnvironment updateEnvironment, SaveConfigRevision saveConfig,
			AuditLog auditLog, Transactions transactions, Clock clock) {
		this.templates = templates;
		this.projects = projects;
		this.environments = environments;
		this.policies = policies;
		this.windows = windows;
		this.targets = targets;
		this.revisions = revisions;
		this.createEnvironment = createEnvironment;
		this.updateEnvironment = updateEnvironment;
		this.saveConfig = saveConfig;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * One way the project differs: where, what, the template's and the project's side.
	 */
	public record Difference(@Nullable String environment, String what, String template, String project,
			boolean fixable) {
	}

	/** The project, its template (null: none) and how it differs. */
	public record View(Project project, @Nullable ProjectTemplate template, List<Difference> differences) {

		public boolean fixable() {
			return this.differences.stream().anyMatch(Difference::fixable);
		}

	}

	public View view(Caller caller, String projectSlug) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> view(caller.orgId(), project(caller, projectSlug)));
	}

	public View bringInLine(Caller caller, String projectSlug) {
		caller.require(Permission.MANAGE_POLICIES);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			Project project = project(caller, projectSlug);
			View before = view(org, project);
			ProjectTemplate template = before.template();
			if (template == null) {
				throw new NotFoundException(project.slug() + " was not created from a template.");
			}
			Instant now = this.clock.instant();
			Map<String, Environment> byName = byName(org, project);
			int position = byName.size();
			for (TemplateEnvironment shape : template.environments()) {
				Environment environment = byName.get(shape.name());
				if (environment == null) {
					environment = this.createEnvironment.create(caller, project.slug(), new EnvironmentInput(
							shape.name(), shape.tier().name(), ++position, shape.branchPattern(), null));
				}
				else if (environment.tier() != shape.tier()
						|| !Objects.equals(environment.branchPattern(), shape.branchPattern())) {
					environment = this.updateEnvironment.update(caller, project.slug(), environment.name(),
							new EnvironmentInput(null, shape.tier().name(), null,
									(shape.branchPattern() != null) ? shape.branchPattern() : "", null));
				}
				ApprovalPolicy gate = shape.gate();
				if (gate != null && !sameGate(gate, this.policies.find(org, environment.id()).orElse(null))) {
					this.policies.save(org, environment.id(),
							new ApprovalPolicy(gate.requiredApprovals(), gate.approverRoles(), gate.allowSelfApproval(),
									gate.approvalValidHours(), gate.requiresSuccessIn(), now, caller.name()));
				}
				WindowRules rules = shape.windows();
				if (rules != null && !rules.equals(savedWindows(org, environment))) {
					this.windows.save(org, environment.id(), rules, caller.userId(), caller.name(), now);
				}
			}
			addMissingVariables(caller, org, project, template);
			List<String> changed = before.differences()
				.stream()
				.filter(Difference::fixable)
				.map((d) -> ((d.environment() != null) ? d.environment() + ": " : "") + d.what())
				.toList();
			this.auditLog.append(org, caller.actor(),
					AuditEntry.of("project.template_realigned", "project", project.id().toString())
						.project(project.slug())
						.detail("template", template.slug())
						.detail("changed", changed)
						.build());
			return view(org, project);
		});
	}

	private Project project(Caller caller, String projectSlug) {
		return this.projects.findBySlug(caller.orgId(), projectSlug)
			.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
	}

	private Map<String, Environment> byName(OrgId org, Project project) {
		return this.environments.list(org, project.id())
			.stream()
			.collect(Collectors.toMap(Environment::name, Function.identity(), (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

	private View view(OrgId org, Project project) {
		ProjectTemplate template = this.templates.templateOf(org, project.id()).orElse(null);
		if (template == null) {
			return new View(project, null, List.of());
		}
		List<Difference> differences = new ArrayList<>();
		Map<String, Environment> byName = byName(org, project);
		for (TemplateEnvironment shape : template.environments()) {
			Environment environment = byName.get(shape.name());
			if (environment == null) {
				differences.add(new Difference(shape.name(), "environment", describe(shape), "missing", true));
				continue;
			}
			if (environment.tier() != shape.tier()) {
				differences
					.add(new Difference(shape.name(), "tier", shape.tier().name(), environment.tier().name(), true));
			}
			if (!Objects.equals(environment.branchPattern(), shape.branchPattern())) {
				differences.add(new Difference(shape.name(), "branch pattern", orAny(shape.branchPattern()),
						orAny(environment.branchPattern()), true));
			}
			ApprovalPolicy own = this.policies.find(org, environment.id()).orElse(null);
			if (shape.gate() != null && !sameGate(shape.gate(), own)) {
				differences.add(new Difference(shape.name(), "approval gate", gate(shape.gate()), gate(own), true));
			}
			WindowRules saved = savedWindows(org, environment);
			if (shape.windows() != null && !shape.windows().equals(saved)) {
				differences.add(new Difference(shape.name(), "deployment windows", windows(shape.windows()),
						windows(saved), true));
			}
			DeployTarget.Type type = this.targets.of(org, environment.id()).type();
			if (type != shape.targetType()) {
				differences.add(new Difference(shape.name(), "deploy target", shape.targetType().value(),
						type.value() + " (set it in the environment's deployment settings)", false));
			}
		}
		List<String> expected = template.environments().stream().map(TemplateEnvironment::name).toList();
		List<String> shared = byName.keySet().stream().filter(expected::contains).toList();
		List<String> wanted = expected.stream().filter(byName::containsKey).toList();
		if (!shared.equals(wanted)) {
			differences.add(new Difference(null, "promotion order", String.join(" → ", wanted),
					String.join(" → ", shared) + " (reorder on the project page)", false));
		}
		byName.keySet()
			.stream()
			.filter((name) -> !expected.contains(name))
			.forEach((name) -> differences
				.add(new Difference(name, "environment", "not in the template", "kept as it is", false)));
		List<String> present = sharedVariables(org, project);
		template.sharedVariables()
			.stream()
			.filter((name) -> !present.contains(name))
			.forEach((name) -> differences
				.add(new Difference(null, "shared variable " + name, "named", "missing", true)));
		return new View(project, template, differences);
	}

	private void addMissingVariables(Caller caller, OrgId org, Project project, ProjectTemplate template) {
		Optional<ConfigRevision> latest = this.revisions.latest(org, new ConfigScope(project.id(), null));
		List<StoredVariable> current = latest.map(ConfigRevision::variables).orElse(List.of());
		List<String> names = current.stream().map(StoredVariable::name).toList();
		List<String> missing = template.sharedVariables().stream().filter((name) -> !names.contains(name)).toList();
		if (missing.isEmpty()) {
			return;
		}
		List<VariableInput> variables = new ArrayList<>();
		for (StoredVariable variable : current) {
			// a sensitive value submitted empty keeps its sealed value
			variables.add(new VariableInput(variable.name(), variable.sensitive() ? "" : variable.value(),
					variable.sensitive(), variable.visibility()));
		}
		missing.forEach((name) -> variables.add(new VariableInput(name, "", false, Visibility.BOTH)));
		this.saveConfig.save(caller,
				new SaveConfigRevision.Command(project.slug(), null, latest.map(ConfigRevision::number).orElse(null),
						latest.map(ConfigRevision::infrastructure).orElse(""), variables,
						"Shared variables named by template " + template.name() + "."));
	}

	private List<String> sharedVariables(OrgId org, Project project) {
		return this.revisions.latest(org, new ConfigScope(project.id(), null))
			.map((revision) -> revision.variables().stream().map(StoredVariable::name).toList())
			.orElse(List.of());
	}

	private @Nullable WindowRules savedWindows(OrgId org, Environment environment) {
		return this.windows.find(org, environment.id()).map(SavedWindows::rules).orElse(null);
	}

	private static boolean sameGate(ApprovalPolicy template, @Nullable ApprovalPolicy own) {
		return own != null && own.requiredApprovals() == template.requiredApprovals()
				&& own.approverRoles().equals(template.approverRoles())
				&& own.allowSelfApproval() == template.allowSelfApproval()
				&& own.approvalValidHours() == template.approvalValidHours()
				&& Objects.equals(own.requiresSuccessIn(), template.requiresSuccessIn());
	}

	private static String describe(TemplateEnvironment shape) {
		return shape.tier().name() + ((shape.branchPattern() != null) ? " on " + shape.branchPattern() : "");
	}

	private static String orAny(@Nullable String pattern) {
		return (pattern != null) ? pattern : "any branch";
	}

	private static String gate(@Nullable ApprovalPolicy policy) {
		if (policy == null) {
			return "the tier's default";
		}
		return policy.requiredApprovals() + " approval" + ((policy.requiredApprovals() == 1) ? "" : "s") + " by "
				+ policy.approverRoles().stream().sorted().map(Role::label).collect(Collectors.joining(", "))
				+ ((policy.requiresSuccessIn() != null) ? ", after " + policy.requiresSuccessIn() : "");
	}

	private static String windows(@Nullable WindowRules rules) {
		if (rules == null) {
			return "the tier's default";
		}
		return rules.blocks().size() + " block" + ((rules.blocks().size() == 1) ? "" : "s") + ", "
				+ rules.allowedHours().size() + " allowed hours, " + rules.freezes().size() + " freeze"
				+ ((rules.freezes().size() == 1) ? "" : "s") + " (" + rules.timeZone().getId() + ")";
	}

}
