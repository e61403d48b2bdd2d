package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Reads and replaces an environment's approval gate. Replacing needs
 * {@link Permission#MANAGE_POLICIES}; bad input is a 422 naming each field, and nothing
 * is saved. Pending requests keep the count they were made with; new requests (and
 * changed ones) use the new gate. The change is an audit event with before and after.
 */
@UseCase
public final class ConfigureApprovalPolicy {

	private final DeploymentPlaces places;

	private final Environments environments;

	private final ApprovalPolicies policies;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public ConfigureApprovalPolicy(DeploymentPlaces places, Environments environments, ApprovalPolicies policies,
			AuditLog auditLog, Transactions transactions, Clock clock) {
		this.places = places;
		this.environments = environments;
		this.policies = policies;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public record Input(@Nullable Integer requiredApprovals, @Nullable List<String> approverRoles,
			@Nullable Boolean allowSelfApproval, @Nullable Integer approvalValidHours,
			@Nullable String requiresSuccessIn) {
	}

	/** The gate that applies and where each part comes from. */
	public EffectiveGate effective(Caller caller, String projectSlug, String environmentName) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			DeploymentPlace place = this.places.place(caller.orgId(), projectSlug, environmentName);
			return this.policies.effective(caller.orgId(), place.environment());
		});
	}

	public ApprovalPolicy view(Caller caller, String projectSlug, String environmentName) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			DeploymentPlace place = this.places.place(caller.orgId(), projectSlug, environmentName);
			return this.policies.of(caller.orgId(), place.environment());
		});
	}

	public ApprovalPolicy update(Caller caller, String projectSlug, String environmentName, Input input) {
		caller.require(Permission.MANAGE_POLICIES);
		OrgId org = caller.orgId();
		Instant now = this.clock.instant();
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			EffectiveGate current = this.policies.effective(org, place.environment());
			if (current.locked()) {
				throw new app.lockstep.domain.shared.ConflictException(
						place.environmentName() + "'s approvals are set by " + current.approvalsSource()
								+ ". Owners and admins change them on the organization's policies page.");
			}
			Validation validation = new Validation();
			Integer required = input.requiredApprovals();
			Integer hours = input.approvalValidHours();
			Set<Role> roles = approvals(validation, required, input.approverRoles(), hours);
			String earlier = RequestDeployment.trimToNull(input.requiresSuccessIn());
			if (earlier != null) {
				if (earlier.equals(place.environmentName())) {
					validation.add("requiresSuccessIn", "An environment cannot require success in itself.");
				}
				else if (this.environments.findByName(org, place.project().id(), earlier).isEmpty()) {
					validation.add("requiresSuccessIn",
							"No environment \"" + earlier + "\" in " + place.projectSlug() + ".");
				}
			}
			validation.throwIfInvalid();
			ApprovalPolicy before = this.policies.of(org, place.environment());
			// both were checked above
			ApprovalPolicy policy = new ApprovalPolicy(Objects.requireNonNull(required), roles,
					Boolean.TRUE.equals(input.allowSelfApproval()), Objects.requireNonNull(hours), earlier, now,
					caller.name());
			this.policies.save(org, place.environment().id(), policy);
			this.auditLog.append(org, caller.actor(),
					AuditEntry.of("approval_policy.updated", "environment", place.environment().id().toString())
						.project(place.projectSlug())
						.environment(place.environmentName())
						.changes(describe(before), describe(policy))
						.build());
			return policy;
		});
	}

	/**
	 * Checks the approvals part of a gate (the count, the roles, how long they stay
	 * valid), adding each problem to {@code validation}; the roles named.
	 */
	static Set<Role> approvals(Validation validation, @Nullable Integer required, @Nullable List<String> roleNames,
			@Nullable Integer hours) {
		validation.check(required != null && required >= 0 && required <= ApprovalPolicy.MAX_APPROVALS,
				"requiredApprovals",
				"Require between 0 and " + ApprovalPolicy.MAX_APPROVALS + " approvals (0: no approval needed).");
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : (roleNames != null) ? roleNames : List.<String>of()) {
			Role role = parseRole(name);
			if (role == null || !ApprovalPolicy.decidesAtAll(role)) {
				validation.add("approverRoles",
						"\"" + name + "\" cannot approve: choose among OWNER, ADMIN, LEAD and DEVELOPER.");
			}
			else {
				roles.add(role);
			}
		}
		validation.check(required == null || required == 0 || !roles.isEmpty(), "approverRoles",
				"Name at least one role that may approve.");
		validation.check(hours != null && hours >= 1 && hours <= ApprovalPolicy.MAX_VALID_HOURS, "approvalValidHours",
				"Approvals stay valid between 1 and " + ApprovalPolicy.MAX_VALID_HOURS + " hours.");
		return roles;
	}

	static Map<String, @Nullable Object> describe(ApprovalPolicy policy) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("requiredApprovals", policy.requiredApprovals());
		fields.put("approverRoles", policy.approverRoles().stream().sorted().map(Role::name).toList());
		fields.put("allowSelfApproval", policy.allowSelfApproval());
		fields.put("approvalValidHours", policy.approvalValidHours());
		fields.put("requiresSuccessIn", policy.requiresSuccessIn());
		return fields;
	}

	private static @Nullable Role parseRole(@Nullable String name) {
		if (name == null) {
			return null;
		}
		try {
			return Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
