package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.ChosenProjects;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.Validation;
import org.jspecify.annotations.Nullable;

/**
 * Reads and sets the organization's approval gate for production environments, of every
 * project or of chosen ones, and whether a project's environment may override it. Setting
 * it needs {@link Permission#MANAGE_POLICIES}; bad input is a 422 per field and saves
 * nothing; the change is an audit event with before and after. Requests already made keep
 * the count they were made with, as for an environment's gate.
 */
@UseCase
public final class ConfigureOrganizationGate {

	private final Projects projects;

	private final ApprovalPolicies policies;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public ConfigureOrganizationGate(Projects projects, ApprovalPolicies policies, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		this.projects = projects;
		this.policies = policies;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * As typed; {@code projects} the slugs it applies to (null or empty: every project),
	 * {@code overridable} whether an environment's own gate wins.
	 */
	public record Input(@Nullable Boolean enabled, @Nullable Integer requiredApprovals,
			@Nullable List<String> approverRoles, @Nullable Boolean allowSelfApproval,
			@Nullable Integer approvalValidHours, @Nullable List<String> projects, @Nullable Boolean overridable) {
	}

	/** The gate (null: none) and the organization's projects to choose from. */
	public record View(@Nullable OrganizationGate gate, List<Project> projects) {
	}

	public View view(Caller caller) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> view(caller.orgId()));
	}

	public View update(Caller caller, Input input) {
		caller.require(Permission.MANAGE_POLICIES);
		OrgId org = caller.orgId();
		Instant now = this.clock.instant();
		return this.transactions.inTenant(org, () -> {
			List<Project> all = all(org);
			OrganizationGate before = this.policies.organizationGate(org).orElse(null);
			OrganizationGate after = null;
			if (Validation.requiredSwitch(input.enabled(), "enabled")) {
				after = gate(caller, all, input, now);
				this.policies.saveOrganizationGate(org, after);
			}
			else if (before != null) {
				this.policies.removeOrganizationGate(org);
			}
			if (before != null || after != null) {
				this.auditLog.append(org, caller.actor(),
						AuditEntry.of("organization_gate.updated", "organization", org.toString())
							.changes(describe(all, before), describe(all, after))
							.build());
			}
			return view(org);
		});
	}

	private List<Project> all(OrgId org) {
		return this.projects.listWithEnvironments(org)
			.stream()
			.map(app.lockstep.domain.project.ProjectWithEnvironments::project)
			.toList();
	}

	private View view(OrgId org) {
		return new View(this.policies.organizationGate(org).orElse(null), all(org));
	}

	private static OrganizationGate gate(Caller caller, List<Project> all, Input input, Instant now) {
		Validation validation = new Validation();
		Set<Role> roles = ConfigureApprovalPolicy.approvals(validation, input.requiredApprovals(),
				input.approverRoles(), input.approvalValidHours());
		Set<ProjectId> chosen = ChosenProjects.resolve(all, input.projects(), validation);
		validation.throwIfInvalid();
		ApprovalPolicy policy = new ApprovalPolicy(Objects.requireNonNull(input.requiredApprovals()), roles,
				Boolean.TRUE.equals(input.allowSelfApproval()), Objects.requireNonNull(input.approvalValidHours()),
				null, now, caller.name());
		return new OrganizationGate(policy, chosen.isEmpty(), Set.copyOf(chosen),
				Boolean.TRUE.equals(input.overridable()), now, caller.name());
	}

	private static Map<String, @Nullable Object> describe(List<Project> all, @Nullable OrganizationGate gate) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("enabled", gate != null);
		if (gate != null) {
			fields.putAll(ConfigureApprovalPolicy.describe(gate.policy()));
			fields.remove("requiresSuccessIn");
			fields.put("projects", ChosenProjects.describe(gate.allProjects(), gate.projects(), all));
			fields.put("overridable", gate.overridable());
		}
		return fields;
	}

}
