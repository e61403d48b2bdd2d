package app.lockstep.persistence.deploy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
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

	private static final List<String> OPEN = List.of(DeploymentStatus.AWAITING_APPROVAL.value(),
			DeploymentStatus.SCHEDULED.value(), DeploymentStatus.WAITING_FOR_WINDOW.value(),
			DeploymentStatus.RUNNING.value());

	private final DSLContext dsl;

	JooqDeploymentCounts(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Open open() {
		Map<DeploymentStatus, Long> counts = new EnumMap<>(DeploymentStatus.class);
		for (String status : OPEN) {
			counts.put(DeploymentStatus.fromValue(status).orElseThrow(), 0L);
		}
		this.dsl.select(DEPLOYMENTS.STATUS, DSL.count())
			.from(DEPLOYMENTS)
			.where(StatusIs.oneOf(DeploymentStatus.AWAITING_APPROVAL, DeploymentStatus.SCHEDULED,
					DeploymentStatus.WAITING_FOR_WINDOW, DeploymentStatus.RUNNING))
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
