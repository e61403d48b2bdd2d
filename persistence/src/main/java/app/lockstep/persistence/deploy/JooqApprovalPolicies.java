package app.lockstep.persistence.deploy;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.lockstep.domain.deploy.ApprovalPolicies;
import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.deploy.OrganizationGate;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.access.Role;
import app.lockstep.persistence.jooq.tables.records.ApprovalPoliciesRecord;
import app.lockstep.persistence.jooq.tables.records.OrganizationGatesRecord;
import app.lockstep.persistence.shared.Rows;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import app.lockstep.persistence.shared.UuidArrays;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.APPROVAL_POLICIES;
import static app.lockstep.persistence.jooq.Tables.ORGANIZATION_GATES;

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
		ApprovalPoliciesRecord record = toRecord(org, environment, policy);
		this.dsl.insertInto(APPROVAL_POLICIES)
			.set(record)
			.onConflict(KEY)
			.doUpdate()
			.set(Rows.changedExcept(record, KEY))
			.execute();
	}

	@Override
	public Optional<OrganizationGate> organizationGate(OrgId org) {
		return this.dsl.selectFrom(ORGANIZATION_GATES)
			.where(ORGANIZATION_GATES.ORG_ID.eq(org))
			.fetchOptional()
			.map((record) -> {
				Set<Role> roles = EnumSet.noneOf(Role.class);
				Arrays.stream(record.getApproverRoles()).map(Role::valueOf).forEach(roles::add);
				ApprovalPolicy policy = new ApprovalPolicy(record.getRequiredApprovals(), roles,
						record.getAllowSelfApproval(), record.getApprovalValidHours(), null, record.getUpdatedAt(),
						record.getUpdatedByName());
				Set<ProjectId> projects = new LinkedHashSet<>();
				Arrays.stream(record.getProjectIds()).map(ProjectId::new).forEach(projects::add);
				return new OrganizationGate(policy, record.getAllProjects(), projects, record.getOverridable(),
						record.getUpdatedAt(), record.getUpdatedByName());
			});
	}

	@Override
	public void saveOrganizationGate(OrgId org, OrganizationGate gate) {
		OrganizationGatesRecord record = new OrganizationGatesRecord();
		record.setOrgId(org);
		record.setRequiredApprovals(gate.policy().requiredApprovals());
		record.setApproverRoles(gate.policy().approverRoles().stream().sorted().map(Role::name).toArray(String[]::new));
		record.setAllowSelfApproval(gate.policy().allowSelfApproval());
		record.setApprovalValidHours(gate.policy().approvalValidHours());
		record.setAllProjects(gate.allProjects());
		record.setProjectIds(gate.projects().stream().map(ProjectId::value).toArray(UUID[]::new));
		record.setOverridable(gate.overridable());
		record.setUpdatedAt(gate.updatedAt());
		record.setUpdatedByName(gate.updatedByName());
		this.dsl.insertInto(ORGANIZATION_GATES)
			.set(record)
			.onConflict(ORGANIZATION_GATES.ORG_ID)
			.doUpdate()
			.set(Rows.changedExcept(record, List.of(ORGANIZATION_GATES.ORG_ID)))
			.execute();
	}

	@Override
	public void removeOrganizationGate(OrgId org) {
		this.dsl.deleteFrom(ORGANIZATION_GATES).where(ORGANIZATION_GATES.ORG_ID.eq(org)).execute();
	}

	/** The key: one policy per environment. */
	private static final List<Field<?>> KEY = List.of(APPROVAL_POLICIES.ORG_ID, APPROVAL_POLICIES.ENVIRONMENT_ID);

	/** The policy as its row: one mapping for insert and update. */
	private static ApprovalPoliciesRecord toRecord(OrgId org, EnvironmentId environment, ApprovalPolicy policy) {
		ApprovalPoliciesRecord record = new ApprovalPoliciesRecord();
		record.setOrgId(org);
		record.setEnvironmentId(environment);
		record.setRequiredApprovals(policy.requiredApprovals());
		record.setApproverRoles(policy.approverRoles().stream().sorted().map(Role::name).toArray(String[]::new));
		record.setAllowSelfApproval(policy.allowSelfApproval());
		record.setApprovalValidHours(policy.approvalValidHours());
		record.setRequiresSuccessIn(policy.requiresSuccessIn());
		record.setUpdatedAt(Objects.requireNonNull(policy.updatedAt(), "A saved policy has its updatedAt"));
		record.setUpdatedByName(Objects.requireNonNull(policy.updatedByName(), "A saved policy has its updatedByName"));
		return record;
	}

	private static ApprovalPolicy toPolicy(ApprovalPoliciesRecord record) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(record.getApproverRoles()).map(Role::valueOf).forEach(roles::add);
		return new ApprovalPolicy(record.getRequiredApprovals(), roles, record.getAllowSelfApproval(),
				record.getApprovalValidHours(), record.getRequiresSuccessIn(), record.getUpdatedAt(),
				record.getUpdatedByName());
	}

}
