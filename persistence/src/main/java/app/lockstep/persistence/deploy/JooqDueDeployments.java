package app.lockstep.persistence.deploy;

import java.time.Instant;
import java.util.List;

import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.DueDeployments;
import app.lockstep.domain.shared.OrgId;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.DEPLOYMENTS;

/**
 * The scheduler's read across organizations (the {@code deployments_scheduler} policy, in
 * a read-only transaction): ids only, compared with the caller's clock, never the
 * database's.
 */
@Repository
class JooqDueDeployments implements DueDeployments {

	private final DSLContext dsl;

	JooqDueDeployments(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public List<Due> pendingDue(Instant now, int limit) {
		return this.dsl.select(DEPLOYMENTS.ORG_ID, DEPLOYMENTS.ID, DEPLOYMENTS.DUE_AT)
			.from(DEPLOYMENTS)
			.where(StatusIs.oneOf(DeploymentStatus.SCHEDULED, DeploymentStatus.WAITING_FOR_WINDOW))
			.and(DEPLOYMENTS.DUE_AT.le(now))
			// Not while another dispatcher's claim holds: once it expires, any poll may
			// take the delivery over.
			.and(DEPLOYMENTS.CLAIMED_UNTIL.isNull().or(DEPLOYMENTS.CLAIMED_UNTIL.le(now)))
			.orderBy(DEPLOYMENTS.DUE_AT, DEPLOYMENTS.SEQ)
			.limit(limit)
			.fetch((row) -> new Due(row.value1(), row.value2(), (row.value3() != null) ? row.value3() : null));
	}

	@Override
	public List<Due> overdue(Instant now, int limit) {
		return this.dsl.select(DEPLOYMENTS.ORG_ID, DEPLOYMENTS.ID)
			.from(DEPLOYMENTS)
			.where(StatusIs.oneOf(DeploymentStatus.RUNNING))
			.and(DEPLOYMENTS.DEADLINE_AT.le(now))
			.orderBy(DEPLOYMENTS.DEADLINE_AT, DEPLOYMENTS.SEQ)
			.limit(limit)
			.fetch((row) -> new Due(row.value1(), row.value2()));
	}

}
