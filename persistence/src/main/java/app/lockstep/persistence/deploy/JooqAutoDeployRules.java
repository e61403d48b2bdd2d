package app.lockstep.persistence.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.deploy.AutoDeployRule;
import app.lockstep.domain.deploy.AutoDeployRules;
import app.lockstep.domain.deploy.AutomaticDeployment;
import app.lockstep.domain.deploy.WhenBlocked;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.AutoDeployRulesRecord;
import org.jooq.DSLContext;
import org.jooq.Record;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.ARTIFACTS;
import static app.lockstep.persistence.jooq.Tables.AUTOMATIC_DEPLOYMENTS;
import static app.lockstep.persistence.jooq.Tables.AUTO_DEPLOY_RULES;
import static app.lockstep.persistence.jooq.Tables.ENVIRONMENTS;

/**
 * Environments' automatic deployment rules (one row each) and what their triggers became
 * (one row per environment and build: the primary key is the claim).
 */
@Repository
class JooqAutoDeployRules implements AutoDeployRules {

	private static final String PENDING = "PENDING";

	private final DSLContext dsl;

	JooqAutoDeployRules(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Optional<AutoDeployRule> find(OrgId org, EnvironmentId environment) {
		return this.dsl.selectFrom(AUTO_DEPLOY_RULES)
			.where(AUTO_DEPLOY_RULES.ORG_ID.eq(org).and(AUTO_DEPLOY_RULES.ENVIRONMENT_ID.eq(environment)))
			.fetchOptional()
			.map(JooqAutoDeployRules::toRule);
	}

	@Override
	public List<AutoDeployRule> ofProject(OrgId org, ProjectId project) {
		return this.dsl.select(AUTO_DEPLOY_RULES.fields())
			.from(AUTO_DEPLOY_RULES)
			.join(ENVIRONMENTS)
			.on(ENVIRONMENTS.ORG_ID.eq(AUTO_DEPLOY_RULES.ORG_ID)
				.and(ENVIRONMENTS.ID.eq(AUTO_DEPLOY_RULES.ENVIRONMENT_ID)))
			.where(AUTO_DEPLOY_RULES.ORG_ID.eq(org).and(ENVIRONMENTS.PROJECT_ID.eq(project)))
			.fetch((record) -> toRule(record.into(AUTO_DEPLOY_RULES)));
	}

	@Override
	public void save(OrgId org, AutoDeployRule rule) {
		AutoDeployRulesRecord record = this.dsl.newRecord(AUTO_DEPLOY_RULES);
		record.setOrgId(org);
		record.setEnvironmentId(rule.environment());
		record.setSource(rule.source().name());
		record.setTagPattern(rule.tagPattern());
		record.setWhenBlocked(rule.whenBlocked().name());
		record.setUpdatedAt(rule.updatedAt());
		record.setUpdatedByUser(rule.updatedBy());
		record.setUpdatedByName(rule.updatedByName());
		this.dsl.insertInto(AUTO_DEPLOY_RULES)
			.set(record)
			.onConflict(AUTO_DEPLOY_RULES.ORG_ID, AUTO_DEPLOY_RULES.ENVIRONMENT_ID)
			.doUpdate()
			.set(record)
			.execute();
	}

	@Override
	public void remove(OrgId org, EnvironmentId environment) {
		this.dsl.deleteFrom(AUTO_DEPLOY_RULES)
			.where(AUTO_DEPLOY_RULES.ORG_ID.eq(org).and(AUTO_DEPLOY_RULES.ENVIRONMENT_ID.eq(environment)))
			.execute();
	}

	@Override
	public boolean claim(OrgId org, EnvironmentId environment, ArtifactId artifact, String ref, Instant at) {
		return this.dsl.insertInto(AUTOMATIC_DEPLOYMENTS)
			.set(AUTOMATIC_DEPLOYMENTS.ORG_ID, org)
			.set(AUTOMATIC_DEPLOYMENTS.ENVIRONMENT_ID, environment)
			.set(AUTOMATIC_DEPLOYMENTS.ARTIFACT_ID, artifact)
			.set(AUTOMATIC_DEPLOYMENTS.REF, ref)
			.set(AUTOMATIC_DEPLOYMENTS.OUTCOME, PENDING)
			.set(AUTOMATIC_DEPLOYMENTS.DETAIL, "")
			.set(AUTOMATIC_DEPLOYMENTS.CREATED_AT, at)
			.onConflictDoNothing()
			.execute() > 0;
	}

	@Override
	public void settle(OrgId org, AutomaticDeployment outcome) {
		this.dsl.update(AUTOMATIC_DEPLOYMENTS)
			.set(AUTOMATIC_DEPLOYMENTS.REF, outcome.ref())
			.set(AUTOMATIC_DEPLOYMENTS.PUSHED_BY, outcome.pushedBy())
			.set(AUTOMATIC_DEPLOYMENTS.OUTCOME, outcome.outcome().name())
			.set(AUTOMATIC_DEPLOYMENTS.DETAIL, outcome.detail())
			.set(AUTOMATIC_DEPLOYMENTS.DEPLOYMENT_ID, outcome.deployment())
			.set(AUTOMATIC_DEPLOYMENTS.CREATED_AT, outcome.createdAt())
			.where(AUTOMATIC_DEPLOYMENTS.ORG_ID.eq(org)
				.and(AUTOMATIC_DEPLOYMENTS.ENVIRONMENT_ID.eq(outcome.environment()))
				.and(AUTOMATIC_DEPLOYMENTS.ARTIFACT_ID.eq(outcome.artifact())))
			.execute();
	}

	@Override
	public List<AutomaticDeployment> recent(OrgId org, EnvironmentId environment, int limit) {
		return this.dsl.select(AUTOMATIC_DEPLOYMENTS.fields())
			.select(ARTIFACTS.VERSION)
			.from(AUTOMATIC_DEPLOYMENTS)
			.join(ARTIFACTS)
			.on(ARTIFACTS.ORG_ID.eq(AUTOMATIC_DEPLOYMENTS.ORG_ID)
				.and(ARTIFACTS.ID.eq(AUTOMATIC_DEPLOYMENTS.ARTIFACT_ID)))
			.where(AUTOMATIC_DEPLOYMENTS.ORG_ID.eq(org)
				.and(AUTOMATIC_DEPLOYMENTS.ENVIRONMENT_ID.eq(environment))
				.and(AUTOMATIC_DEPLOYMENTS.OUTCOME.ne(PENDING)))
			.orderBy(AUTOMATIC_DEPLOYMENTS.SEQ.desc())
			.limit(limit)
			.fetch(JooqAutoDeployRules::toAutomatic);
	}

	private static AutoDeployRule toRule(AutoDeployRulesRecord record) {
		return new AutoDeployRule(record.getEnvironmentId(), AutoDeployRule.Source.valueOf(record.getSource()),
				record.getTagPattern(), WhenBlocked.valueOf(record.getWhenBlocked()), record.getUpdatedAt(),
				record.getUpdatedByUser(), record.getUpdatedByName());
	}

	private static AutomaticDeployment toAutomatic(Record record) {
		return new AutomaticDeployment(record.get(AUTOMATIC_DEPLOYMENTS.ENVIRONMENT_ID),
				record.get(AUTOMATIC_DEPLOYMENTS.ARTIFACT_ID), record.get(ARTIFACTS.VERSION),
				record.get(AUTOMATIC_DEPLOYMENTS.REF), record.get(AUTOMATIC_DEPLOYMENTS.PUSHED_BY),
				AutomaticDeployment.Outcome.valueOf(record.get(AUTOMATIC_DEPLOYMENTS.OUTCOME)),
				record.get(AUTOMATIC_DEPLOYMENTS.DETAIL), record.get(AUTOMATIC_DEPLOYMENTS.DEPLOYMENT_ID),
				record.get(AUTOMATIC_DEPLOYMENTS.CREATED_AT));
	}

}
