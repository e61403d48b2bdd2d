package app.lockstep.persistence.deploy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import app.lockstep.domain.deploy.DeploymentCounts;
import app.lockstep.domain.deploy.DeploymentStatus;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.DEPLOYMENTS;

/**
 * Counts of the unfinished deployments (each status has a partial index or is small), for
 * the metrics, through the scheduler's read-only view across organizations.
 */
@Repository
class JooqDeploymentCounts implements DeploymentCounts {

	private static final DeploymentStatus[] OPEN = { DeploymentStatus.AWAITING_APPROVAL, DeploymentStatus.SCHEDULED,
			DeploymentStatus.WAITING_FOR_WINDOW, DeploymentStatus.RUNNING };

	private final DSLContext dsl;

	JooqDeploymentCounts(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Open open() {
		Map<DeploymentStatus, Long> counts = new EnumMap<>(DeploymentStatus.class);
		for (DeploymentStatus status : OPEN) {
			counts.put(status, 0L);
		}
		this.dsl.select(DEPLOYMENTS.STATUS, DSL.count())
			.from(DEPLOYMENTS)
			.where(StatusIs.oneOf(OPEN))
			.groupBy(DEPLOYMENTS.STATUS)
			.fetch()
			.forEach((row) -> DeploymentStatus.fromValue(row.value1())
				.ifPresent((status) -> counts.put(status, row.value2().longValue())));
		Instant oldestAwaiting = this.dsl.select(DSL.min(DEPLOYMENTS.REQUESTED_AT))
			.from(DEPLOYMENTS)
			.where(StatusIs.oneOf(DeploymentStatus.AWAITING_APPROVAL))
			.fetchOne(0, Instant.class);
		return new Open(counts, oldestAwaiting);
	}

}
