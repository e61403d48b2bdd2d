package app.lockstep.persistence.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.deploy.BranchEnvironment;
import app.lockstep.domain.deploy.BranchEnvironments;
import app.lockstep.domain.deploy.BranchRule;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.BranchEnvironmentRulesRecord;
import app.lockstep.persistence.jooq.tables.records.BranchEnvironmentsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.BRANCH_ENVIRONMENTS;
import static app.lockstep.persistence.jooq.Tables.BRANCH_ENVIRONMENT_RULES;

/**
 * Projects' branch environment rules (one row each) and the environments branches
 * created.
 */
@Repository
class JooqBranchEnvironments implements BranchEnvironments {

	private final DSLContext dsl;

	JooqBranchEnvironments(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Optional<BranchRule> rule(OrgId org, ProjectId project) {
		return this.dsl.selectFrom(BRANCH_ENVIRONMENT_RULES)
			.where(BRANCH_ENVIRONMENT_RULES.ORG_ID.eq(org).and(BRANCH_ENVIRONMENT_RULES.PROJECT_ID.eq(project)))
			.fetchOptional()
			.map(JooqBranchEnvironments::toRule);
	}

	@Override
	public void saveRule(OrgId org, BranchRule rule) {
		BranchEnvironmentRulesRecord record = this.dsl.newRecord(BRANCH_ENVIRONMENT_RULES);
		record.setOrgId(org);
		record.setProjectId(rule.project());
		record.setPattern(rule.pattern());
		record.setParentEnvironmentId(rule.parent());
		record.setMaxActive(rule.maxActive());
		record.setIdleDays(rule.idleDays());
		record.setUpdatedAt(rule.updatedAt());
		record.setUpdatedByUser(rule.updatedBy());
		record.setUpdatedByName(rule.updatedByName());
		this.dsl.insertInto(BRANCH_ENVIRONMENT_RULES)
			.set(record)
			.onConflict(BRANCH_ENVIRONMENT_RULES.ORG_ID, BRANCH_ENVIRONMENT_RULES.PROJECT_ID)
			.doUpdate()
			.set(record)
			.execute();
	}

	@Override
	public void removeRule(OrgId org, ProjectId project) {
		this.dsl.deleteFrom(BRANCH_ENVIRONMENT_RULES)
			.where(BRANCH_ENVIRONMENT_RULES.ORG_ID.eq(org).and(BRANCH_ENVIRONMENT_RULES.PROJECT_ID.eq(project)))
			.execute();
	}

	@Override
	public List<BranchEnvironment> ofProject(OrgId org, ProjectId project) {
		return this.dsl.selectFrom(BRANCH_ENVIRONMENTS)
			.where(BRANCH_ENVIRONMENTS.ORG_ID.eq(org).and(BRANCH_ENVIRONMENTS.PROJECT_ID.eq(project)))
			.orderBy(BRANCH_ENVIRONMENTS.DEACTIVATED_AT.isNotNull(), BRANCH_ENVIRONMENTS.CREATED_AT.desc())
			.fetch(JooqBranchEnvironments::toBranch);
	}

	@Override
	public Optional<BranchEnvironment> find(OrgId org, EnvironmentId environment) {
		return this.dsl.selectFrom(BRANCH_ENVIRONMENTS)
			.where(one(org, environment))
			.fetchOptional()
			.map(JooqBranchEnvironments::toBranch);
	}

	@Override
	public void insert(OrgId org, BranchEnvironment branch) {
		BranchEnvironmentsRecord record = this.dsl.newRecord(BRANCH_ENVIRONMENTS);
		record.setOrgId(org);
		record.setEnvironmentId(branch.environment());
		record.setProjectId(branch.project());
		record.setBranch(branch.branch());
		record.setParentEnvironmentId(branch.parent());
		record.setParentRevision(branch.parentRevision());
		record.setCreatedAt(branch.createdAt());
		record.setLastPushAt(branch.lastPushAt());
		this.dsl.insertInto(BRANCH_ENVIRONMENTS).set(record).execute();
	}

	@Override
	public void touch(OrgId org, EnvironmentId environment, Instant at) {
		this.dsl.update(BRANCH_ENVIRONMENTS)
			.set(BRANCH_ENVIRONMENTS.LAST_PUSH_AT, at)
			.where(one(org, environment))
			.execute();
	}

	@Override
	public void deactivate(OrgId org, EnvironmentId environment, Instant at, String reason) {
		this.dsl.update(BRANCH_ENVIRONMENTS)
			.set(BRANCH_ENVIRONMENTS.DEACTIVATED_AT, at)
			.set(BRANCH_ENVIRONMENTS.DEACTIVATED_REASON, reason)
			.where(one(org, environment).and(BRANCH_ENVIRONMENTS.DEACTIVATED_AT.isNull()))
			.execute();
	}

	@Override
	public List<OrgId> organizationsWithIdle(Instant now, int limit) {
		return this.dsl.selectDistinct(BRANCH_ENVIRONMENTS.ORG_ID)
			.from(BRANCH_ENVIRONMENTS)
			.join(BRANCH_ENVIRONMENT_RULES)
			.on(BRANCH_ENVIRONMENT_RULES.ORG_ID.eq(BRANCH_ENVIRONMENTS.ORG_ID)
				.and(BRANCH_ENVIRONMENT_RULES.PROJECT_ID.eq(BRANCH_ENVIRONMENTS.PROJECT_ID)))
			.where(idleAt(now))
			.limit(limit)
			.fetch(BRANCH_ENVIRONMENTS.ORG_ID);
	}

	@Override
	public List<BranchEnvironment> idle(OrgId org, Instant now) {
		return this.dsl.select(BRANCH_ENVIRONMENTS.fields())
			.from(BRANCH_ENVIRONMENTS)
			.join(BRANCH_ENVIRONMENT_RULES)
			.on(BRANCH_ENVIRONMENT_RULES.ORG_ID.eq(BRANCH_ENVIRONMENTS.ORG_ID)
				.and(BRANCH_ENVIRONMENT_RULES.PROJECT_ID.eq(BRANCH_ENVIRONMENTS.PROJECT_ID)))
			.where(BRANCH_ENVIRONMENTS.ORG_ID.eq(org).and(idleAt(now)))
			.fetch((record) -> toBranch(record.into(BRANCH_ENVIRONMENTS)));
	}

	/** Active and without a push for longer than its rule's idle days. */
	private static Condition idleAt(Instant now) {
		return BRANCH_ENVIRONMENTS.DEACTIVATED_AT.isNull()
			.and(DSL.condition("{0} < {1} - make_interval(days => {2})", BRANCH_ENVIRONMENTS.LAST_PUSH_AT,
					DSL.val(now, BRANCH_ENVIRONMENTS.LAST_PUSH_AT), BRANCH_ENVIRONMENT_RULES.IDLE_DAYS));
	}

	private static Condition one(OrgId org, EnvironmentId environment) {
		return BRANCH_ENVIRONMENTS.ORG_ID.eq(org).and(BRANCH_ENVIRONMENTS.ENVIRONMENT_ID.eq(environment));
	}

	private static BranchRule toRule(BranchEnvironmentRulesRecord record) {
		return new BranchRule(record.getProjectId(), record.getPattern(), record.getParentEnvironmentId(),
				record.getMaxActive(), record.getIdleDays(), record.getUpdatedAt(), record.getUpdatedByUser(),
				record.getUpdatedByName());
	}

	private static BranchEnvironment toBranch(BranchEnvironmentsRecord record) {
		return new BranchEnvironment(record.getEnvironmentId(), record.getProjectId(), record.getBranch(),
				record.getParentEnvironmentId(), record.getParentRevision(), record.getCreatedAt(),
				record.getLastPushAt(), record.getDeactivatedAt(), record.getDeactivatedReason());
	}

}
