package app.lockstep.persistence.code;

import java.util.List;
import java.util.Optional;

import app.lockstep.domain.code.DeliveryOutcome;
import app.lockstep.domain.code.Forge;
import app.lockstep.domain.code.Webhook;
import app.lockstep.domain.code.WebhookDelivery;
import app.lockstep.domain.code.WebhookTarget;
import app.lockstep.domain.code.Webhooks;
import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.WebhookDeliveriesRecord;
import org.jooq.Condition;
import app.lockstep.persistence.jooq.tables.records.ProjectWebhooksRecord;
import app.lockstep.persistence.shared.Rows;
import org.jooq.DSLContext;
import org.jooq.Field;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.PROJECTS;
import static app.lockstep.persistence.jooq.Tables.PROJECT_WEBHOOKS;
import static app.lockstep.persistence.jooq.Tables.WEBHOOK_DELIVERIES;
import static org.jooq.impl.DSL.select;

@Repository
class JooqWebhooks implements Webhooks {

	private final DSLContext dsl;

	JooqWebhooks(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Optional<WebhookTarget> findByHookId(String hookId) {
		return this.dsl.select(PROJECT_WEBHOOKS.ORG_ID, PROJECT_WEBHOOKS.PROJECT_ID)
			.from(PROJECT_WEBHOOKS)
			.where(PROJECT_WEBHOOKS.HOOK_ID.eq(hookId))
			.fetchOptional((record) -> new WebhookTarget(record.value1(), record.value2()));
	}

	@Override
	public Optional<Webhook> find(OrgId org, ProjectId project) {
		return this.dsl.select(PROJECT_WEBHOOKS.fields())
			.select(PROJECTS.SLUG)
			.from(PROJECT_WEBHOOKS)
			.join(PROJECTS)
			.on(PROJECTS.ORG_ID.eq(PROJECT_WEBHOOKS.ORG_ID).and(PROJECTS.ID.eq(PROJECT_WEBHOOKS.PROJECT_ID)))
			.where(PROJECT_WEBHOOKS.ORG_ID.eq(org).and(PROJECT_WEBHOOKS.PROJECT_ID.eq(project)))
			.fetchOptional((record) -> new Webhook(record.get(PROJECT_WEBHOOKS.PROJECT_ID), record.get(PROJECTS.SLUG),
					record.get(PROJECT_WEBHOOKS.HOOK_ID),
					new SealedSecret(record.get(PROJECT_WEBHOOKS.SECRET_KEY_ID),
							record.get(PROJECT_WEBHOOKS.SECRET_SEALED)),
					record.get(PROJECT_WEBHOOKS.UPDATED_AT), record.get(PROJECT_WEBHOOKS.UPDATED_BY)));
	}

	@Override
	public void save(OrgId org, Webhook webhook) {
		ProjectWebhooksRecord record = new ProjectWebhooksRecord();
		record.setOrgId(org);
		record.setProjectId(webhook.project());
		record.setHookId(webhook.hookId());
		record.setSecretSealed(webhook.secret().sealed());
		record.setSecretKeyId(webhook.secret().keyId());
		record.setUpdatedAt(webhook.updatedAt());
		record.setUpdatedBy(webhook.updatedBy());
		this.dsl.insertInto(PROJECT_WEBHOOKS)
			.set(record)
			.onConflict(PROJECT_WEBHOOKS.ORG_ID, PROJECT_WEBHOOKS.PROJECT_ID)
			.doUpdate()
			.set(Rows.changedExcept(record, KEPT))
			.execute();
	}

	/** What a new secret leaves alone: whose webhook it is, and its URL's id. */
	private static final List<Field<?>> KEPT = List.of(PROJECT_WEBHOOKS.ORG_ID, PROJECT_WEBHOOKS.PROJECT_ID,
			PROJECT_WEBHOOKS.HOOK_ID);

	@Override
	public void addDelivery(OrgId org, WebhookDelivery delivery) {
		this.dsl.insertInto(WEBHOOK_DELIVERIES)
			.set(WEBHOOK_DELIVERIES.ORG_ID, org)
			.set(WEBHOOK_DELIVERIES.ID, delivery.id())
			.set(WEBHOOK_DELIVERIES.PROJECT_ID, delivery.project())
			.set(WEBHOOK_DELIVERIES.RECEIVED_AT, delivery.receivedAt())
			.set(WEBHOOK_DELIVERIES.FORGE, delivery.forge().name())
			.set(WEBHOOK_DELIVERIES.EVENT, delivery.event())
			.set(WEBHOOK_DELIVERIES.OUTCOME, delivery.outcome().name())
			.set(WEBHOOK_DELIVERIES.DETAIL, delivery.detail())
			.set(WEBHOOK_DELIVERIES.COMMITS, delivery.commits())
			.execute();
		Condition ofProject = ofProject(org, delivery.project());
		this.dsl.deleteFrom(WEBHOOK_DELIVERIES)
			.where(ofProject)
			.and(WEBHOOK_DELIVERIES.ID.notIn(select(WEBHOOK_DELIVERIES.ID).from(WEBHOOK_DELIVERIES)
				.where(ofProject)
				.orderBy(WEBHOOK_DELIVERIES.SEQ.desc())
				.limit(KEEP_DELIVERIES)))
			.execute();
	}

	@Override
	public List<WebhookDelivery> deliveries(OrgId org, ProjectId project, int limit) {
		return this.dsl.selectFrom(WEBHOOK_DELIVERIES)
			.where(ofProject(org, project))
			.orderBy(WEBHOOK_DELIVERIES.SEQ.desc())
			.limit(limit)
			.fetch(JooqWebhooks::toDelivery);
	}

	private static Condition ofProject(OrgId org, ProjectId project) {
		return WEBHOOK_DELIVERIES.ORG_ID.eq(org).and(WEBHOOK_DELIVERIES.PROJECT_ID.eq(project));
	}

	private static WebhookDelivery toDelivery(WebhookDeliveriesRecord record) {
		return new WebhookDelivery(record.getId(), record.getProjectId(), record.getReceivedAt(),
				Forge.valueOf(record.getForge()), record.getEvent(), DeliveryOutcome.valueOf(record.getOutcome()),
				record.getDetail(), record.getCommits());
	}

}
