package app.lockstep.domain.template;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.ConfigRevisions;
import app.lockstep.domain.config.ConfigScope;
import app.lockstep.domain.config.StoredVariable;
import app.lockstep.domain.deploy.ApprovalPolicies;
import app.lockstep.domain.deploy.DeployTargets;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.window.DeploymentWindows;
import app.lockstep.domain.window.SavedWindows;
import org.jspecify.annotations.Nullable;

/**
 * Lists, saves and deletes the organization's project templates. A template is saved from
 * a project as it is (its environments in order with their own gates, windows and target
 * types, its shared variables' names, the spec of its last environment with one as the
 * skeleton); saving under a taken slug replaces that template. Saving and deleting need
 * {@link Permission#MANAGE_POLICIES} and are audit events.
 */
@UseCase
public final class ManageTemplates {

	private final ProjectTemplates templates;

	private final Projects projects;

	private final Environments environments;

	private final ApprovalPolicies policies;

	private final DeploymentWindows windows;

	private final DeployTargets targets;

	private final ConfigRevisions revisions;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public ManageTemplates(ProjectTemplates templates, Projects projects, Environments environments,
			ApprovalPolicies policies, DeploymentWindows windows, DeployTargets targets, ConfigRevisions revisions,
			AuditLog auditLog, Transactions transactions, Clock clock) {
		this.templates = templates;
		this.projects = projects;
		this.environments = environments;
		this.policies = policies;
		this.windows = windows;
		this.targets = targets;
		this.revisions = revisions;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public List<ProjectTemplate> list(Caller caller) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> this.templates.list(caller.orgId()));
	}

	public ProjectTemplate saveFromProject(Caller caller, @Nullable String projectSlug, @Nullable String slug,
			@Nullable String name) {
		caller.require(Permission.MANAGE_POLICIES);
		Validation validation = new Validation();
		validation.slug("slug", (slug != null) ? slug.strip() : null);
		String title = (name != null) ? name.strip() : "";
		validation.check(!title.isEmpty() && title.length() <= 100, "name",
				"Name the template in 100 characters or fewer, such as \"Web service\".");
		validation.check(projectSlug != null && !projectSlug.isBlank(), "project",
				"Choose the project whose shape the template keeps.");
		validation.throwIfInvalid();
		OrgId org = caller.orgId();
		String templateSlug = java.util.Objects.requireNonNull(slug).strip();
		return this.transactions.inTenant(org, () -> {
			Project project = this.projects.findBySlug(org, java.util.Objects.requireNonNull(projectSlug).strip())
				.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
			List<TemplateEnvironment> shape = new ArrayList<>();
			String skeleton = "";
			for (Environment environment : this.environments.list(org, project.id())) {
				shape.add(new TemplateEnvironment(environment.name(), environment.tier(), environment.branchPattern(),
						this.policies.find(org, environment.id()).orElse(null),
						this.windows.find(org, environment.id()).map(SavedWindows::rules).orElse(null),
						this.targets.of(org, environment.id()).type()));
				Optional<ConfigRevision> config = this.revisions.latest(org,
						new ConfigScope(project.id(), environment.id()));
				if (config.isPresent() && !config.get().infrastructure().isBlank()) {
					skeleton = config.get().infrastructure();
				}
			}
			List<String> shared = this.revisions.latest(org, new ConfigScope(project.id(), null))
				.map((revision) -> revision.variables().stream().map(StoredVariable::name).toList())
				.orElse(List.of());
			Instant now = this.clock.instant();
			ProjectTemplate saved = this.templates.save(org, new ProjectTemplate(UUID.randomUUID(), templateSlug, title,
					shape, shared, skeleton, now, caller.name()));
			this.auditLog.append(org, caller.actor(),
					AuditEntry.of("template.saved", "template", saved.id().toString())
						.project(project.slug())
						.detail("template", saved.slug())
						.detail("name", saved.name())
						.detail("environments", shape.stream().map(TemplateEnvironment::name).toList())
						.detail("sharedVariables", shared)
						.build());
			return saved;
		});
	}

	public void delete(Caller caller, String slug) {
		caller.require(Permission.MANAGE_POLICIES);
		this.transactions.inTenant(caller.orgId(), () -> {
			if (!this.templates.delete(caller.orgId(), slug)) {
				throw new NotFoundException("No template \"" + slug + "\".");
			}
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("template.deleted", "template", slug).detail("template", slug).build());
			return null;
		});
	}

}
