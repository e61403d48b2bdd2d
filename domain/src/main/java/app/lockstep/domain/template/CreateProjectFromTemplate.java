package app.lockstep.domain.template;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.deploy.ApprovalPolicies;
import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentInput;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectInput;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.window.DeploymentWindows;

/**
 * Creates a project from a template in one unit of work, through the same use cases as by
 * hand (so the same validation and audit events apply; any refusal saves nothing): the
 * project, its environments in order, their gates and windows, each environment's config
 * starting from the spec skeleton, and the shared variables named with empty values to
 * fill in. A webhook target needs each project's own URL and secret, so those
 * environments start manual and their drift says so. Needs the permissions to edit
 * projects and config.
 */
@UseCase
public final class CreateProjectFromTemplate {

	private final ProjectTemplates templates;

	private final CreateProject createProject;

	private final CreateEnvironment createEnvironment;

	private final SaveConfigRevision saveConfig;

	private final ApprovalPolicies policies;

	private final DeploymentWindows windows;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public CreateProjectFromTemplate(ProjectTemplates templates, CreateProject createProject,
			CreateEnvironment createEnvironment, SaveConfigRevision saveConfig, ApprovalPolicies policies,
			DeploymentWindows windows, AuditLog auditLog, Transactions transactions, Clock clock) {
		this.templates = templates;
		this.createProject = createProject;
		this.createEnvironment = createEnvironment;
		this.saveConfig = saveConfig;
		this.policies = policies;
		this.windows = windows;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Project create(Caller caller, ProjectInput input, String templateSlug) {
		caller.require(Permission.EDIT_PROJECTS);
		caller.require(Permission.EDIT_CONFIG);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			ProjectTemplate template = this.templates.find(org, templateSlug)
				.orElseThrow(() -> new ValidationException("template", "No template \"" + templateSlug + "\"."));
			Project project = this.createProject.create(caller, input);
			Instant now = this.clock.instant();
			String message = "From template " + template.name() + ".";
			int position = 1;
			for (TemplateEnvironment shape : template.environments()) {
				Environment environment = this.createEnvironment.create(caller, project.slug(), new EnvironmentInput(
						shape.name(), shape.tier().name(), position++, shape.branchPattern(), null));
				apply(org, caller, environment, shape, now);
				if (!template.specSkeleton().isBlank()) {
					this.saveConfig.save(caller, new SaveConfigRevision.Command(project.slug(), environment.name(),
							null, template.specSkeleton(), List.of(), message));
				}
			}
			if (!template.sharedVariables().isEmpty()) {
				this.saveConfig.save(caller,
						new SaveConfigRevision.Command(project.slug(), null, null, "",
								template.sharedVariables()
									.stream()
									.map((name) -> new VariableInput(name, "", false, Visibility.BOTH))
									.toList(),
								message));
			}
			this.templates.link(org, project.id(), template.id());
			this.auditLog.append(org, caller.actor(),
					AuditEntry.of("project.template_applied", "project", project.id().toString())
						.project(project.slug())
						.detail("template", template.slug())
						.detail("environments",
								template.environments().stream().map(TemplateEnvironment::name).toList())
						.build());
			return project;
		});
	}

	/** The template's own gate and windows for the environment, saved as its own. */
	void apply(OrgId org, Caller caller, Environment environment, TemplateEnvironment shape, Instant now) {
		ApprovalPolicy gate = shape.gate();
		if (gate != null) {
			this.policies.save(org, environment.id(), new ApprovalPolicy(gate.requiredApprovals(), gate.approverRoles(),
					gate.allowSelfApproval(), gate.approvalValidHours(), gate.requiresSuccessIn(), now, caller.name()));
		}
		if (shape.windows() != null) {
			this.windows.save(org, environment.id(), shape.windows(), caller.userId(), caller.name(), now);
		}
	}

}
