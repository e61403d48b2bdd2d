package app.lockstep.persistence.deploy;

import java.util.Objects;
import java.util.Optional;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.deploy.DeployTarget;
import app.lockstep.domain.deploy.DeployTargets;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.DeployTargetsRecord;
import org.jooq.DSLContext;

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
		SealedSecret secret = target.secret();
		var updatedAt = Objects.requireNonNull(target.updatedAt(), "A saved target has its updatedAt");
		String updatedBy = Objects.requireNonNull(target.updatedByName(), "A saved target has its updatedByName");
		String keyId = (secret != null) ? secret.keyId() : null;
		byte[] sealed = (secret != null) ? secret.sealed() : null;
		this.dsl.insertInto(DEPLOY_TARGETS)
			.set(DEPLOY_TARGETS.ORG_ID, org)
			.set(DEPLOY_TARGETS.ENVIRONMENT_ID, environment)
			.set(DEPLOY_TARGETS.TYPE, target.type().name())
			.set(DEPLOY_TARGETS.URL, target.url())
			.set(DEPLOY_TARGETS.SECRET_KEY_ID, keyId)
			.set(DEPLOY_TARGETS.SECRET_SEALED, sealed)
			.set(DEPLOY_TARGETS.TIMEOUT_MINUTES, target.timeoutMinutes())
			.set(DEPLOY_TARGETS.UPDATED_AT, updatedAt)
			.set(DEPLOY_TARGETS.UPDATED_BY_NAME, updatedBy)
			.onConflict(DEPLOY_TARGETS.ORG_ID, DEPLOY_TARGETS.ENVIRONMENT_ID)
			.doUpdate()
			.set(DEPLOY_TARGETS.TYPE, target.type().name())
			.set(DEPLOY_TARGETS.URL, target.url())
			.set(DEPLOY_TARGETS.SECRET_KEY_ID, keyId)
			.set(DEPLOY_TARGETS.SECRET_SEALED, sealed)
			.set(DEPLOY_TARGETS.TIMEOUT_MINUTES, target.timeoutMinutes())
			.set(DEPLOY_TARGETS.UPDATED_AT, updatedAt)
			.set(DEPLOY_TARGETS.UPDATED_BY_NAME, updatedBy)
			.execute();
	}

	private static DeployTarget toTarget(DeployTargetsRecord record) {
		SealedSecret secret = (record.getSecretKeyId() != null && record.getSecretSealed() != null)
				? new SealedSecret(record.getSecretKeyId(), record.getSecretSealed()) : null;
		return new DeployTarget(DeployTarget.Type.valueOf(record.getType()), record.getUrl(), secret,
				record.getTimeoutMinutes(), record.getUpdatedAt(), record.getUpdatedByName());
	}

}
