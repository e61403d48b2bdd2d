package app.lockstep.persistence.deploy;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.lockstep.domain.deploy.ApprovalPolicies;
import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.access.Role;
import app.lockstep.persistence.jooq.tables.records.ApprovalPoliciesRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import app.lockstep.persistence.shared.UuidArrays;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.APPROVAL_POLICIES;

/** Environments' approval gates, one row each; the roles as a text array of names. */
@Repository
class JooqApprovalPolicies implements ApprovalPolicies {

	private final DSLContext dsl;

	JooqApprovalPolicies(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Optional<ApprovalPolicy> find(OrgId org, EnvironmentId environment) {
		return this.dsl.selectFrom(APPROVAL_POLICIES)
			.where(APPROVAL_POLICIES.ORG_ID.eq(org).and(APPROVAL_POLICIES.ENVIRONMENT_ID.eq(environment)))
			.fetchOptional()
			.map(JooqApprovalPolicies::toPolicy);
	}

	@Override
	public Map<EnvironmentId, ApprovalPolicy> findAll(OrgId org, Collection<EnvironmentId> environments) {
		Map<EnvironmentId, ApprovalPolicy> all = new LinkedHashMap<>();
		if (environments.isEmpty()) {
			return all;
		}
		this.dsl.selectFrom(APPROVAL_POLICIES)
			.where(APPROVAL_POLICIES.ORG_ID.eq(org)
				.and(UuidArrays.anyOf(APPROVAL_POLICIES.ENVIRONMENT_ID, environments, EnvironmentId::value)))
			.forEach((record) -> all.put(record.getEnvironmentId(), toPolicy(record)));
		return all;
	}

	/**
	 * Saves the policy; it must say when and by whom ({@code updatedAt},
	 * {@code updatedByName}).
	 */
	@Override
	public void save(OrgId org, EnvironmentId environment, ApprovalPolicy policy) {
		String[] roles = policy.approverRoles().stream().sorted().map(Role::name).toArray(String[]::new);
		var updatedAt = Objects.requireNonNull(policy.updatedAt(), "A saved policy has its updatedAt");
		String updatedBy = Objects.requireNonNull(policy.updatedByName(), "A saved policy has its updatedByName");
		this.dsl.insertInto(APPROVAL_POLICIES)
			.set(APPROVAL_POLICIES.ORG_ID, org)
			.set(APPROVAL_POLICIES.ENVIRONMENT_ID, environment)
			.set(APPROVAL_POLICIES.REQUIRED_APPROVALS, policy.requiredApprovals())
			.set(APPROVAL_POLICIES.APPROVER_ROLES, roles)
			.set(APPROVAL_POLICIES.ALLOW_SELF_APPROVAL, policy.allowSelfApproval())
			.set(APPROVAL_POLICIES.APPROVAL_VALID_HOURS, policy.approvalValidHours())
			.set(APPROVAL_POLICIES.REQUIRES_SUCCESS_IN, policy.requiresSuccessIn())
			.set(APPROVAL_POLICIES.UPDATED_AT, updatedAt)
			.set(APPROVAL_POLICIES.UPDATED_BY_NAME, updatedBy)
			.onConflict(APPROVAL_POLICIES.ORG_ID, APPROVAL_POLICIES.ENVIRONMENT_ID)
			.doUpdate()
			.set(APPROVAL_POLICIES.REQUIRED_APPROVALS, policy.requiredApprovals())
			.set(APPROVAL_POLICIES.APPROVER_ROLES, roles)
			.set(APPROVAL_POLICIES.ALLOW_SELF_APPROVAL, policy.allowSelfApproval())
			.set(APPROVAL_POLICIES.APPROVAL_VALID_HOURS, policy.approvalValidHours())
			.set(APPROVAL_POLICIES.REQUIRES_SUCCESS_IN, policy.requiresSuccessIn())
			.set(APPROVAL_POLICIES.UPDATED_AT, updatedAt)
			.set(APPROVAL_POLICIES.UPDATED_BY_NAME, updatedBy)
			.execute();
	}

	private static ApprovalPolicy toPolicy(ApprovalPoliciesRecord record) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(record.getApproverRoles()).map(Role::valueOf).forEach(roles::add);
		return new ApprovalPolicy(record.getRequiredApprovals(), roles, record.getAllowSelfApproval(),
				record.getApprovalValidHours(), record.getRequiresSuccessIn(), record.getUpdatedAt(),
				record.getUpdatedByName());
	}

}
