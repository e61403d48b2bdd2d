package app.lockstep.persistence.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import app.lockstep.domain.shared.JobRuns;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.JOB_RUNS;

/**
 * Claims periods by inserting their row: the primary key lets one insert win. Claims
 * older than 30 days are forgotten as new ones are made.
 */
@Repository
class JooqJobRuns implements JobRuns {

	private final DSLContext dsl;

	private final Clock clock;

	JooqJobRuns(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	@Override
	public boolean claim(String job, String period, String instance) {
		Instant now = this.clock.instant();
		boolean claimed = this.dsl.insertInto(JOB_RUNS)
			.set(JOB_RUNS.JOB, job)
			.set(JOB_RUNS.PERIOD, period)
			.set(JOB_RUNS.CLAIMED_BY, instance)
			.set(JOB_RUNS.CLAIMED_AT, now)
			.onConflictDoNothing()
			.execute() == 1;
		if (claimed) {
			this.dsl.deleteFrom(JOB_RUNS).where(JOB_RUNS.CLAIMED_AT.lt(now.minus(30, ChronoUnit.DAYS))).execute();
		}
		return claimed;
	}

}
