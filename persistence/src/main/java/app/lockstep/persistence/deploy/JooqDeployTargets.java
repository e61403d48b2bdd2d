package app.lockstep.persistence.deploy;

import java.util.Objects;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.deploy.DeployTarget;
import app.lockstep.domain.deploy.DeployTargets;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.DeployTargetsRecord;
import app.lockstep.persistence.shared.Rows;
import org.jooq.DSLContext;
import org.jooq.Field;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.DEPLOY_TARGETS;

/**
 * Environments' deploy targets, one row each; the webhook's secret stays sealed (key id
 * and ciphertext columns).
 */
@Repository
class JooqDeployTargets implements DeployTargets {

	private final DSLContext dsl;

	JooqDeployTargets(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Optional<DeployTarget> find(OrgId org, EnvironmentId environment) {
		return this.dsl.selectFrom(DEPLOY_TARGETS)
			.where(DEPLOY_TARGETS.ORG_ID.eq(org).and(DEPLOY_TARGETS.ENVIRONMENT_ID.eq(environment)))
			.fetchOptional()
			.map(JooqDeployTargets::toTarget);
	}

	/**
	 * Saves the target; it must say when and by whom ({@code updatedAt},
	 * {@code updatedByName}).
	 */
	@Override
	public void save(OrgId org, EnvironmentId environment, DeployTarget target) {
		DeployTargetsRecord record = toRecord(org, environment, target);
		this.dsl.insertInto(DEPLOY_TARGETS)
			.set(record)
			.onConflict(KEY)
			.doUpdate()
			.set(Rows.changedExcept(record, KEY))
			.execute();
	}

	/** The key: one target per environment. */
	private static final List<Field<?>> KEY = List.of(DEPLOY_TARGETS.ORG_ID, DEPLOY_TARGETS.ENVIRONMENT_ID);

	/** The target as its row (the secret sealed): one mapping for insert and update. */
	private static DeployTargetsRecord toRecord(OrgId org, EnvironmentId environment, DeployTarget target) {
		SealedSecret secret = target.secret();
		DeployTargetsRecord record = new DeployTargetsRecord();
		record.setOrgId(org);
		record.setEnvironmentId(environment);
		record.setType(target.type().name());
		record.setUrl(target.url());
		record.setSecretKeyId((secret != null) ? secret.keyId() : null);
		record.setSecretSealed((secret != null) ? secret.sealed() : null);
		record.setTimeoutMinutes(target.timeoutMinutes());
		record.setUpdatedAt(Objects.requireNonNull(target.updatedAt(), "A saved target has its updatedAt"));
		record.setUpdatedByName(Objects.requireNonNull(target.updatedByName(), "A saved target has its updatedByName"));
		return record;
	}

	private static DeployTarget toTarget(DeployTargetsRecord record) {
		SealedSecret secret = (record.getSecretKeyId() != null && record.getSecretSealed() != null)
				? new SealedSecret(record.getSecretKeyId(), record.getSecretSealed()) : null;
		return new DeployTarget(DeployTarget.Type.valueOf(record.getType()), record.getUrl(), secret,
				record.getTimeoutMinutes(), record.getUpdatedAt(), record.getUpdatedByName());
	}

}
